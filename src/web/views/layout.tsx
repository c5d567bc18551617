import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import { CsrfField } from "./csrf-field.js";
import { type Viewer, ViewerContext } from "./viewer.js";

/** The sections in the main navigation, in order. */
export const NAV_ITEMS = [
  { key: "start", href: "/", label: "Översikt" },
  { key: "networks", href: "/natverk", label: "Nätverk" },
  { key: "meetings", href: "/moten", label: "Möten" },
  { key: "actions", href: "/uppdrag", label: "Uppdrag" },
  { key: "decisions", href: "/beslut", label: "Beslut" },
  { key: "search", href: "/sok", label: "Sök" },
  { key: "reports", href: "/rapporter", label: "Rapporter" },
  { key: "admin", href: "/admin", label: "Administration" },
] as const;

/** Which navigation entry a page belongs to. */
export type NavKey = (typeof NAV_ITEMS)[number]["key"];

/** One step of the breadcrumb trail above a page's heading. */
export type Crumb = { href: string; label: string };

/** The signed-in user's name with sign-out, or the sign-in link; nothing when the viewer is unknown. */
function AccountBar({ viewer }: { viewer: Viewer | null | undefined }) {
  if (viewer === undefined) return null;
  if (viewer === null) {
    return (
      <div class="account">
        <a href="/logga-in">Logga in</a>
      </div>
    );
  }
  return (
    <div class="account">
      <a href="/konto" title="Ditt konto">
        {viewer.name}
      </a>
      <form method="post" action="/logga-ut">
        <CsrfField token={viewer.csrfToken} />
        <button type="submit" class="link-button">
          Logga ut
        </button>
      </form>
    </div>
  );
}

/**
 * The frame of every page: skip link, header with navigation and the signed-in user, main content,
 * footer. `viewer` may be left out: sendPage() provides it for every page it renders.
 */
export function Layout(props: {
  title: string;
  active?: NavKey;
  crumbs?: Crumb[];
  viewer?: Viewer | null;
  children: ComponentChildren;
}) {
  const fromRequest = useContext(ViewerContext);
  const viewer = props.viewer !== undefined ? props.viewer : fromRequest;
  // Administration is for the secretariat; others never see the entry (the page refuses them too).
  const items = NAV_ITEMS.filter((item) => item.key !== "admin" || viewer === undefined || viewer?.isAdmin);
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Samråd`}</title>
        <link rel="stylesheet" href="/assets/style.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Samråd
          </a>
          <nav aria-label="Huvudmeny">
            <ul>
              {items.map((item) => (
                <li key={item.key}>
                  <a href={item.href} aria-current={props.active === item.key ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <AccountBar viewer={viewer} />
        </header>
        <main id="main" tabIndex={-1}>
          {props.crumbs && props.crumbs.length > 0 && (
            <nav aria-label="Brödsmulor" class="crumbs">
              <ol>
                {props.crumbs.map((c) => (
                  <li key={c.href}>
                    <a href={c.href}>{c.label}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>Samråd – möten, anteckningar och beslut i kommunala nätverk.</p>
        </footer>
      </body>
    </html>
  );
}
