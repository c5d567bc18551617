import { createContext } from "preact";

/** Who is looking at a page, as the header shows it: name, admin or not, and the token for the sign-out form. */
export type Viewer = { name: string; isAdmin: boolean; csrfToken: string };

/**
 * The viewer of the page being rendered: sendPage() provides it from the request, so every page's
 * Layout shows the signed-in user without each view passing it along. null = nobody signed in;
 * undefined = not known (a view rendered outside a request).
 */
export const ViewerContext = createContext<Viewer | null | undefined>(undefined);
