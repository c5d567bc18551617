import type { PersonPageData } from "../../commands/getPersonPage.js";
import { ATTENDANCE_LABELS, ROLE_LABELS } from "../../domain/labels.js";
import { ActionTable } from "./action-list.js";
import { DateText, Empty } from "./components.js";
import { ObjectTabs } from "./history-page.js";
import { Layout } from "./layout.js";

/** A person: memberships over time, attendance and actions. */
export function PersonPage({ data, today }: { data: PersonPageData; today: string }) {
  const { person } = data;
  return (
    <Layout title={person.name} active="networks">
      <h1>{person.name}</h1>
      <p class="meta">
        {[person.title, person.municipality].filter(Boolean).join(", ")}
        {data.presentShare !== null && ` · närvarande vid ${Math.round(data.presentShare * 100)} % av mötena`}
      </p>
      {data.aliases.length > 0 && <p class="muted">Stavas även: {data.aliases.join(", ")}</p>}
      {data.isAdmin && <ObjectTabs href={`/personer/${person.id}`} current="object" />}
      <p>
        <a href={`/personer/${person.id}/kalender`}>Prenumerera på dina möten i kalendern</a>
      </p>
      <section aria-labelledby="uppdrag-i-natverk">
        <h2 id="uppdrag-i-natverk">Medlemskap</h2>
        {data.memberships.length === 0 ? (
          <Empty>Inga medlemskap.</Empty>
        ) : (
          <table class="list">
            <caption>Medlemskap över tid</caption>
            <thead>
              <tr>
                <th scope="col">Nätverk</th>
                <th scope="col">Roll</th>
                <th scope="col">Kommun</th>
                <th scope="col">Från</th>
                <th scope="col">Till</th>
              </tr>
            </thead>
            <tbody>
              {data.memberships.map((m) => (
                <tr key={m.id}>
                  <td>
                    <a href={`/natverk/${m.networkSlug}`}>{m.networkName}</a>
                  </td>
                  <td>{ROLE_LABELS[m.role]}</td>
                  <td>{m.municipality ?? "–"}</td>
                  <td>{m.fromDate ? <DateText date={m.fromDate} /> : "–"}</td>
                  <td>{m.toDate ? <DateText date={m.toDate} /> : "tills vidare"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="personens-uppdrag">
        <h2 id="personens-uppdrag">Uppdrag</h2>
        <ActionTable actions={data.actions} caption={`Uppdrag för ${person.name}`} today={today} showNetwork />
      </section>
      <section aria-labelledby="narvaro">
        <h2 id="narvaro">Närvaro</h2>
        {data.attendance.length === 0 ? (
          <Empty>Ingen närvaro registrerad.</Empty>
        ) : (
          <table class="list compact">
            <caption>Möten, senaste först</caption>
            <thead>
              <tr>
                <th scope="col">Möte</th>
                <th scope="col">Nätverk</th>
                <th scope="col">Närvaro</th>
              </tr>
            </thead>
            <tbody>
              {data.attendance.map((a) => (
                <tr key={a.meetingId}>
                  <td>
                    <a href={`/moten/${a.meetingId}`}>
                      <DateText date={a.date} />
                    </a>
                  </td>
                  <td>{a.networkName}</td>
                  <td>
                    {ATTENDANCE_LABELS[a.status]}
                    {a.isChair && " (ordf.)"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
