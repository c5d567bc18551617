import type { OutboxRow } from "../../db/queries/outbox.js";
import type { MailKind, OutboxStatus } from "../../db/schema.js";
import { Empty } from "./components.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

const STATUS: Record<OutboxStatus, string> = {
  queued: "I kö",
  sending: "Skickas",
  sent: "Skickat",
  failed: "Misslyckat",
};

const KIND: Record<MailKind, string> = {
  notice: "Kallelse",
  minutes: "Anteckningar",
  reminder: "Påminnelse",
  poll: "Datumförslag",
  other: "Övrigt",
};

const when = (d: Date | null) =>
  d ? d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" }) : "–";

function To({ row }: { row: Pick<OutboxRow, "recipient" | "recipientName"> }) {
  return (
    <>
      {row.recipientName && <span>{row.recipientName} </span>}
      <span class="muted">&lt;{row.recipient}&gt;</span>
    </>
  );
}

/** The outbox for coordinators: every mail's status, attempts and last error, with a retry button. */
export function OutboxPage(props: {
  counts: Record<OutboxStatus, number>;
  rows: OutboxRow[];
  status: OutboxStatus | undefined;
  csrfToken: string | null;
  smtp: boolean;
}) {
  return (
    <Layout title="Utkorg" active="admin" crumbs={[{ href: "/admin", label: "Administration" }]}>
      <h1>Utkorg</h1>
      <p class="lead">
        E-post som Samråd skickar: kallelser, justerade anteckningar och påminnelser. Brev som inte kommer fram försöks
        igen med allt längre mellanrum.
        {!props.smtp && (
          <>
            {" "}
            Ingen e-postserver är inställd, så breven hamnar i <a href="/utkorg/brevlada">den lokala brevlådan</a>.
          </>
        )}
      </p>
      <nav aria-label="Filtrera efter status" class="filters">
        <ul>
          <li>
            <a href="/utkorg" aria-current={props.status === undefined ? "page" : undefined}>
              Alla
            </a>
          </li>
          {(Object.keys(STATUS) as OutboxStatus[]).map((s) => (
            <li key={s}>
              <a href={`/utkorg?status=${s}`} aria-current={props.status === s ? "page" : undefined}>
                {STATUS[s]} ({props.counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.rows.length === 0 ? (
        <Empty>Inga brev.</Empty>
      ) : (
        <table class="list compact outbox">
          <caption>Senaste breven först</caption>
          <thead>
            <tr>
              <th scope="col">Skapat</th>
              <th scope="col">Till</th>
              <th scope="col">Ämne</th>
              <th scope="col">Status</th>
              <th scope="col">Försök</th>
              <th scope="col">Senaste fel</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <td>{when(r.createdAt)}</td>
                <td>
                  <To row={r} />
                </td>
                <td>
                  {r.subject}
                  <br />
                  <span class="muted">
                    {KIND[r.kind]}
                    {r.networkName && ` · ${r.networkName}`}
                  </span>
                </td>
                <td>
                  <span class={`badge mail-${r.status}`}>{STATUS[r.status]}</span>
                  {r.status === "sent" && (
                    <span class="muted">
                      {" "}
                      {when(r.sentAt)}
                      {r.transport === "local" && " (lokalt)"}
                    </span>
                  )}
                  {r.status === "queued" && r.attempts > 0 && (
                    <span class="muted"> nästa försök {when(r.nextAttemptAt)}</span>
                  )}
                </td>
                <td>{r.attempts}</td>
                <td class="error-text">{r.lastError ?? "–"}</td>
                <td>
                  {(r.status === "failed" || (r.status === "queued" && r.attempts > 0)) && props.csrfToken && (
                    <form method="post" action={`/utkorg/${r.id}/forsok-igen`}>
                      <CsrfField token={props.csrfToken} />
                      <button class="action" type="submit" aria-label={`Försök igen: ${r.subject} till ${r.recipient}`}>
                        Försök igen
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

/** One locally delivered mail as the mailbox shows it. */
export type MailboxMail = OutboxRow & { bodyText: string; attachments: string[] };

/** The local mailbox: what Samråd would have sent, when no SMTP server is configured. */
export function MailboxPage({ mails }: { mails: MailboxMail[] }) {
  return (
    <Layout
      title="Lokal brevlåda"
      active="admin"
      crumbs={[
        { href: "/admin", label: "Administration" },
        { href: "/utkorg", label: "Utkorg" },
      ]}
    >
      <h1>Lokal brevlåda</h1>
      <p class="lead">
        Samråd har ingen e-postserver inställd (<code>SMTP_URL</code>), så breven levereras hit i stället. Så här hade
        mottagarna fått dem.
      </p>
      {mails.length === 0 ? (
        <Empty>Brevlådan är tom.</Empty>
      ) : (
        mails.map((m) => (
          <article key={m.id} class="mail" aria-labelledby={`brev-${m.id}`}>
            <h2 id={`brev-${m.id}`}>{m.subject}</h2>
            <dl class="facts">
              <div>
                <dt>Till</dt>
                <dd>
                  <To row={m} />
                </dd>
              </div>
              <div>
                <dt>Levererat</dt>
                <dd>{when(m.sentAt)}</dd>
              </div>
              {m.attachments.length > 0 && (
                <div>
                  <dt>Bilagor</dt>
                  <dd>
                    {m.attachments.map((name, i) => (
                      <span key={name}>
                        {i > 0 && ", "}
                        <a href={`/utkorg/${m.id}/bilagor/${i}`}>{name}</a>
                      </span>
                    ))}
                  </dd>
                </div>
              )}
            </dl>
            <pre class="mail-body">{m.bodyText}</pre>
          </article>
        ))
      )}
    </Layout>
  );
}
