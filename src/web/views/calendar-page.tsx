import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

/** A person's calendar subscription: renew the secret link; a new link is shown once, right after it is made. */
export function CalendarPage(props: {
  person: { id: number; name: string };
  createdAt: Date | null;
  csrfToken: string | null;
  links: { mine: string; networks: { name: string; url: string }[] } | null;
}) {
  const { person } = props;
  return (
    <Layout
      title={`Kalender – ${person.name}`}
      active="networks"
      crumbs={[{ href: `/personer/${person.id}`, label: person.name }]}
    >
      <h1>Prenumerera på mötena i din kalender</h1>
      <p class="lead">
        Med en hemlig länk kan Outlook, Google Kalender eller telefonens kalender hämta dina möten själv och hålla dem
        uppdaterade, även flyttade och inställda möten. Dela inte länken: den som har den kan se mötena.
      </p>
      {props.links ? (
        <div class="notice" role="status">
          <p>
            <strong>Din nya länk.</strong> Kopiera den nu; av säkerhetsskäl visas den bara en gång. Den gamla länken
            slutar fungera.
          </p>
          <p>
            <label for="mina-moten">Alla dina nätverk</label>
            <input id="mina-moten" class="copy" type="text" readOnly value={props.links.mine} />
          </p>
          {props.links.networks.map((n, i) => (
            <p key={n.url}>
              <label for={`natverk-${i}`}>{n.name}</label>
              <input id={`natverk-${i}`} class="copy" type="text" readOnly value={n.url} />
            </p>
          ))}
        </div>
      ) : (
        <p>
          {props.createdAt
            ? `Du har en kalenderlänk sedan ${props.createdAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })}. Har du tappat bort den eller tror att någon annan har fått den? Skapa en ny.`
            : "Du har ingen kalenderlänk ännu."}
        </p>
      )}
      {props.csrfToken && (
        <form method="post" action={`/personer/${person.id}/kalender`}>
          <CsrfField token={props.csrfToken} />
          <button class="action" type="submit">
            {props.createdAt ? "Förnya länken" : "Skapa länk"}
          </button>
        </form>
      )}
    </Layout>
  );
}
