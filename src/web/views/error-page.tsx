import { Layout } from "./layout.js";

const HEADINGS: Record<number, string> = {
  400: "Felaktig begäran",
  401: "Du behöver logga in",
  403: "Du har inte behörighet",
  404: "Sidan finns inte",
  409: "Konflikt",
  413: "För stor",
  429: "För många försök",
  500: "Något gick fel",
};

/** An error page that says what went wrong and where to go next, never a stack trace. */
export function ErrorPage(props: { status: number; message: string; where?: string | undefined }) {
  const heading = HEADINGS[props.status] ?? HEADINGS[500];
  return (
    <Layout title={heading ?? "Fel"}>
      <h1>{heading}</h1>
      <p>{props.message}</p>
      {props.where && <p class="muted">Gäller: {props.where}</p>}
      <p>
        <a href="/">Till översikten</a>
      </p>
    </Layout>
  );
}
