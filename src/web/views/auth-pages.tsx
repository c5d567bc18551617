import type { AccountPageData } from "../../commands/getAccountPage.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

/** A form-level error, announced to screen readers and tied to the field it concerns. */
export type FormError = { message: string; field?: string | undefined };

function ErrorSummary({ error }: { error: FormError | undefined }) {
  if (!error) return null;
  return (
    <div class="form-error" role="alert" id="formfel">
      <p>{error.message}</p>
    </div>
  );
}

const describedBy = (error: FormError | undefined, field: string) =>
  error && (error.field === field || error.field === undefined) ? "formfel" : undefined;

/** The sign-in page: e-mail and password, single sign-on when configured, and the way to a new password. */
export function SignInPage(props: {
  next: string;
  email?: string;
  error?: FormError;
  sso?: { label: string } | undefined;
}) {
  const next = props.next === "/" ? "" : `?nasta=${encodeURIComponent(props.next)}`;
  return (
    <Layout title="Logga in" viewer={null}>
      <div class="narrow">
        <h1>Logga in</h1>
        <ErrorSummary error={props.error} />
        {props.sso && (
          <p>
            <a class="button" href={`/sso${next}`}>
              {props.sso.label}
            </a>
          </p>
        )}
        <form method="post" action={`/logga-in${next}`} class="stacked">
          {props.sso && <h2 class="small-heading">Eller med e-post och lösenord</h2>}
          <p>
            <label for="email">E-postadress</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              required
              maxLength={254}
              value={props.email ?? ""}
              aria-describedby={describedBy(props.error, "email")}
            />
          </p>
          <p>
            <label for="password">Lösenord</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxLength={200}
              aria-describedby={describedBy(props.error, "password")}
            />
          </p>
          <p>
            <button type="submit" class="button">
              Logga in
            </button>
          </p>
        </form>
        <p>
          <a href="/glomt-losenord">Glömt lösenordet?</a>
        </p>
        <p class="muted">
          Utan att logga in kan du läsa justerade anteckningar från de <a href="/natverk">nätverk</a> som publicerar dem
          öppet.
        </p>
      </div>
    </Layout>
  );
}

/** Asks for the address to send a reset link to. */
export function ForgotPasswordPage(props: { error?: FormError; sent?: boolean }) {
  return (
    <Layout title="Glömt lösenordet" viewer={null}>
      <div class="narrow">
        <h1>Glömt lösenordet</h1>
        {props.sent ? (
          <div class="notice" role="status">
            <p>
              Om adressen hör till ett konto i Samråd har en länk skickats dit. Länken fungerar i en timme. Hittar du
              inget brev, titta i skräpposten eller fråga sekretariatet.
            </p>
          </div>
        ) : (
          <>
            <ErrorSummary error={props.error} />
            <form method="post" action="/glomt-losenord" class="stacked">
              <p>Skriv din e-postadress så skickar vi en länk där du väljer ett nytt lösenord.</p>
              <p>
                <label for="email">E-postadress</label>
                <input
                  id="email"
                  name="email"
                  type="email"
                  autocomplete="username"
                  required
                  maxLength={254}
                  aria-describedby={describedBy(props.error, "email")}
                />
              </p>
              <p>
                <button type="submit" class="button">
                  Skicka länk
                </button>
              </p>
            </form>
          </>
        )}
        <p>
          <a href="/logga-in">Tillbaka till inloggningen</a>
        </p>
      </div>
    </Layout>
  );
}

/** Chooses a new password from a reset or first sign-in link. */
export function SetPasswordPage(props: { action: string; first: boolean; error?: FormError }) {
  const title = props.first ? "Välkommen till Samråd" : "Välj ett nytt lösenord";
  return (
    <Layout title={title} viewer={null}>
      <div class="narrow">
        <h1>{title}</h1>
        <ErrorSummary error={props.error} />
        <form method="post" action={props.action} class="stacked">
          <p id="losenordsregel">
            {props.first
              ? "Välj ett lösenord för ditt konto. Det ska ha minst 12 tecken; en mening går bra."
              : "Lösenordet ska ha minst 12 tecken; en mening går bra. Alla andra inloggningar på kontot avslutas."}
          </p>
          <p>
            <label for="password">Nytt lösenord</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required={!props.first}
              minLength={12}
              maxLength={200}
              aria-describedby={["losenordsregel", describedBy(props.error, "password")].filter(Boolean).join(" ")}
            />
          </p>
          <p>
            <button type="submit" class="button">
              {props.first ? "Logga in" : "Spara och logga in"}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

/** The signed-in person's account: who they are, password, and signing out everywhere. */
export function AccountPage(props: {
  data: AccountPageData;
  csrfToken: string | null;
  error?: FormError;
  saved?: boolean;
}) {
  const { data } = props;
  return (
    <Layout title="Ditt konto">
      <h1>Ditt konto</h1>
      <dl class="facts">
        <div>
          <dt>Namn</dt>
          <dd>{data.personId ? <a href={`/personer/${data.personId}`}>{data.name}</a> : data.name}</dd>
        </div>
        <div>
          <dt>E-postadress</dt>
          <dd>{data.email}</dd>
        </div>
        <div>
          <dt>Inloggning</dt>
          <dd>
            {[data.hasPassword && "lösenord", data.hasSso && "kommunens inloggning"].filter(Boolean).join(" och ") ||
              "engångslänk"}
            {data.isAdmin && " · administratör"}
          </dd>
        </div>
      </dl>
      {props.saved && (
        <div class="notice" role="status">
          <p>Lösenordet är bytt. Dina andra inloggningar är avslutade.</p>
        </div>
      )}
      <section aria-labelledby="byt-losenord" class="narrow">
        <h2 id="byt-losenord">{data.hasPassword ? "Byt lösenord" : "Välj ett lösenord"}</h2>
        <ErrorSummary error={props.error} />
        <form method="post" action="/konto/losenord" class="stacked">
          <CsrfField token={props.csrfToken} />
          {data.hasPassword && (
            <p>
              <label for="current">Nuvarande lösenord</label>
              <input
                id="current"
                name="current"
                type="password"
                autocomplete="current-password"
                required
                maxLength={200}
                aria-describedby={props.error?.field === "current" ? "formfel" : undefined}
              />
            </p>
          )}
          <p>
            <label for="password">Nytt lösenord (minst 12 tecken)</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required
              minLength={12}
              maxLength={200}
              aria-describedby={props.error?.field === "password" ? "formfel" : undefined}
            />
          </p>
          <p>
            <button type="submit" class="button">
              Spara lösenordet
            </button>
          </p>
        </form>
      </section>
      <section aria-labelledby="inloggningar" class="narrow">
        <h2 id="inloggningar">Inloggningar</h2>
        <p>
          Du är inloggad på {data.sessions === 1 ? "en enhet" : `${data.sessions} enheter eller webbläsare`}. Har du
          loggat in på en dator som inte är din, eller tappat bort en telefon, kan du logga ut överallt.
        </p>
        <form method="post" action="/logga-ut-overallt">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button">
            Logga ut överallt
          </button>
        </form>
      </section>
    </Layout>
  );
}
