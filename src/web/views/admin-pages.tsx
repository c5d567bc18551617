import type { AdminPageData, AdminPeopleData } from "../../commands/getAdminPages.js";
import type { AuditLogData } from "../../commands/getAuditLog.js";
import type { AuditEntry } from "../../db/queries/audit-log.js";
import type { FormError } from "./auth-pages.js";
import { Empty } from "./components.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

const dateTime = (d: Date) =>
  d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

/** The tabs of the administration section. */
export function AdminTabs({ current }: { current: "users" | "log" | "people" | "plans" }) {
  const tabs = [
    { key: "users", href: "/admin", label: "Användare" },
    { key: "log", href: "/admin/logg", label: "Granskningslogg" },
    { key: "people", href: "/admin/personer", label: "Personuppgifter (GDPR)" },
    { key: "plans", href: "/admin/verksamhetsplaner", label: "Verksamhetsplaner" },
  ] as const;
  return (
    <nav aria-label="Administration" class="tabs">
      <ul>
        {tabs.map((t) => (
          <li key={t.key}>
            <a href={t.href} aria-current={t.key === current ? "page" : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Accounts: who can sign in, as what, and a form to add one. */
export function AdminPage(props: {
  data: AdminPageData;
  csrfToken: string | null;
  error?: FormError;
  added?: boolean;
}) {
  const { users, networks, selfId } = props.data;
  return (
    <Layout title="Administration" active="admin">
      <h1>Administration</h1>
      <AdminTabs current="users" />
      <p>
        <a href="/import">Importera protokoll</a> – läs in gamla minnesanteckningar, också till nya nätverk.
      </p>
      {props.added && (
        <div class="notice" role="status">
          <p>Kontot är skapat. Har det inget lösenord har en inbjudan med en inloggningslänk skickats.</p>
        </div>
      )}
      <section aria-labelledby="anvandare">
        <h2 id="anvandare">Användare ({users.length})</h2>
        <table class="list">
          <caption>Konton, administratörer först</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Roller i nätverk</th>
              <th scope="col">Senast inloggad</th>
              <th scope="col">Behörighet</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} class={u.disabledAt ? "disabled" : undefined}>
                <td>
                  {u.personId ? <a href={`/personer/${u.personId}`}>{u.name ?? u.email}</a> : (u.name ?? u.email)}
                  {u.disabledAt && <span class="badge state-cancelled"> Avstängt</span>}
                </td>
                <td>{u.email}</td>
                <td>{u.networks ?? (u.isAdmin ? "–" : "läsare")}</td>
                <td>{u.lastSigninAt ? dateTime(u.lastSigninAt) : "aldrig"}</td>
                <td>
                  <form method="post" action={`/admin/anvandare/${u.id}`} class="inline-form">
                    <CsrfField token={props.csrfToken} />
                    <label>
                      <input type="checkbox" name="isAdmin" value="on" checked={u.isAdmin} /> Administratör
                    </label>
                    <label>
                      <input type="checkbox" name="disabled" value="on" checked={u.disabledAt !== null} /> Avstängt
                    </label>
                    <button type="submit" class="button small" aria-label={`Spara behörighet för ${u.name ?? u.email}`}>
                      Spara
                    </button>
                    {u.id === selfId && <span class="muted"> (du)</span>}
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ny-anvandare" class="narrow">
        <h2 id="ny-anvandare">Lägg till en användare</h2>
        {props.error && (
          <div class="form-error" role="alert" id="formfel">
            <p>{props.error.message}</p>
          </div>
        )}
        <form method="post" action="/admin/anvandare" class="stacked">
          <CsrfField token={props.csrfToken} />
          <p>
            <label for="name">Namn</label>
            <input id="name" name="name" required maxLength={120} autocomplete="off" />
          </p>
          <p>
            <label for="email">E-postadress</label>
            <input id="email" name="email" type="email" required maxLength={254} autocomplete="off" />
          </p>
          <p>
            <label for="role">Roll</label>
            <select id="role" name="role">
              <option value="reader">Läsare (justerade anteckningar i alla nätverk)</option>
              <option value="member">Medlem i ett nätverk</option>
              <option value="coordinator">Samordnare för ett nätverk</option>
              <option value="admin">Administratör (sekretariatet)</option>
            </select>
          </p>
          <p>
            <label for="networkId">Nätverk (för medlem och samordnare)</label>
            <select id="networkId" name="networkId">
              <option value="">–</option>
              {networks.map((n) => (
                <option key={n.id} value={String(n.id)}>
                  {n.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="password">Lösenord (lämna tomt för att skicka en inbjudan)</label>
            <input
              id="password"
              name="password"
              type="password"
              minLength={12}
              maxLength={200}
              autocomplete="new-password"
            />
          </p>
          <p>
            <button type="submit" class="button">
              Lägg till
            </button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

/** One audit entry's before and after, as readable JSON. */
function Change({ entry }: { entry: AuditEntry }) {
  if (entry.before === null && entry.after === null) return <span class="muted">–</span>;
  return (
    <details>
      <summary>Visa</summary>
      {entry.before !== null && (
        <>
          <p class="small-heading">Före</p>
          <pre>{JSON.stringify(entry.before, null, 2)}</pre>
        </>
      )}
      {entry.after !== null && (
        <>
          <p class="small-heading">Efter</p>
          <pre>{JSON.stringify(entry.after, null, 2)}</pre>
        </>
      )}
    </details>
  );
}

/** A table of audit entries: when, who, what, on which object, before and after. */
export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  if (entries.length === 0) return <Empty>Inga händelser.</Empty>;
  return (
    <table class="list compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">När</th>
          <th scope="col">Vem</th>
          <th scope="col">Handling</th>
          <th scope="col">Objekt</th>
          <th scope="col">Ändring</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>
              <time dateTime={e.at.toISOString()}>{dateTime(e.at)}</time>
            </td>
            <td>{e.actor}</td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>
              {e.objectType}
              {e.objectId !== null && ` ${e.objectId}`}
            </td>
            <td>
              <Change entry={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The whole audit log with filters, newest first, a page at a time. */
export function AuditLogPage({ data }: { data: AuditLogData }) {
  const q = data.query;
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && k !== "fore") next.set(k, String(v));
  if (data.nextBefore !== undefined) next.set("fore", String(data.nextBefore));
  return (
    <Layout title="Granskningslogg" active="admin">
      <h1>Granskningslogg</h1>
      <AdminTabs current="log" />
      <form method="get" action="/admin/logg" class="filter-form">
        <p>
          <label for="vem">Vem (e-post innehåller)</label>
          <input id="vem" name="vem" value={q.vem ?? ""} maxLength={100} />
        </p>
        <p>
          <label for="handling">Handling</label>
          <select id="handling" name="handling">
            <option value="">Alla</option>
            {data.vocabulary.actions.map((a) => (
              <option key={a} value={a} selected={q.handling === a}>
                {a}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="typ">Objekttyp</label>
          <select id="typ" name="typ">
            <option value="">Alla</option>
            {data.vocabulary.objectTypes.map((t) => (
              <option key={t} value={t} selected={q.typ === t}>
                {t}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="objekt">Objekt-id</label>
          <input id="objekt" name="objekt" value={q.objekt ?? ""} maxLength={40} />
        </p>
        <p>
          <label for="fran">Från och med</label>
          <input id="fran" name="fran" type="date" value={q.fran ?? ""} />
        </p>
        <p>
          <label for="till">Till och med</label>
          <input id="till" name="till" type="date" value={q.till ?? ""} />
        </p>
        <p>
          <button type="submit" class="button">
            Filtrera
          </button>{" "}
          <a href="/admin/logg">Rensa</a>
        </p>
      </form>
      <AuditTable entries={data.entries} caption="Händelser, senaste först" />
      {data.nextBefore !== undefined && (
        <p>
          <a href={`/admin/logg?${next.toString()}`}>Äldre händelser →</a>
        </p>
      )}
    </Layout>
  );
}

/** GDPR tools per person: find them, export all that is held, anonymize someone who has left. */
export function AdminPeoplePage(props: { data: AdminPeopleData; csrfToken: string | null; done?: string }) {
  const { people, q } = props.data;
  return (
    <Layout title="Personuppgifter" active="admin">
      <h1>Personuppgifter (GDPR)</h1>
      <AdminTabs current="people" />
      {props.done && (
        <div class="notice" role="status">
          <p>{props.done}</p>
        </div>
      )}
      <p class="lead">
        Exportera allt Samråd har om en person (JSON), eller anonymisera någon som har slutat: namnet byts ut i alla
        vyer och anteckningar, medan roll och kommun står kvar i historiska protokoll. Båda loggas.
      </p>
      <form method="get" action="/admin/personer" class="filter-form">
        <p>
          <label for="q">Sök på namn eller e-post</label>
          <input id="q" name="q" type="search" value={q} maxLength={100} />
        </p>
        <p>
          <button type="submit" class="button">
            Sök
          </button>
        </p>
      </form>
      {people.length === 0 ? (
        <Empty>Ingen person matchar.</Empty>
      ) : (
        <table class="list">
          <caption>Personer{q ? ` som matchar "${q}"` : ""} (högst 50)</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Kommun</th>
              <th scope="col">Export</th>
              <th scope="col">Anonymisering</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/personer/${p.id}`}>{p.name}</a>
                  {p.email && <span class="muted"> {p.email}</span>}
                  <br />
                  <a href={`/personer/${p.id}/historik`} class="small">
                    Historik
                  </a>
                </td>
                <td>{p.municipality ?? "–"}</td>
                <td>
                  <form method="post" action={`/admin/personer/${p.id}/export`}>
                    <CsrfField token={props.csrfToken} />
                    <button
                      type="submit"
                      class="button small secondary"
                      aria-label={`Exportera uppgifter om ${p.name}`}
                    >
                      Exportera
                    </button>
                  </form>
                </td>
                <td>
                  {p.anonymizedAt ? (
                    <span class="muted">Anonymiserad</span>
                  ) : (
                    <form method="post" action={`/admin/personer/${p.id}/anonymisera`} class="inline-form">
                      <CsrfField token={props.csrfToken} />
                      <label>
                        <input type="checkbox" name="confirm" value="ja" required /> Ja, anonymisera {p.name}
                      </label>
                      <button type="submit" class="button small danger">
                        Anonymisera
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
