import type { StartPageData } from "../../commands/getStartPage.js";
import { ActionTable } from "./action-list.js";
import { Layout } from "./layout.js";
import { MeetingTable } from "./meeting-list.js";

/** The overview a coordinator or member lands on. */
export function StartPage({ data }: { data: StartPageData }) {
  return (
    <Layout title="Översikt" active="start">
      <h1>Översikt</h1>
      {!data.signedIn && (
        <div class="notice">
          <p>
            Du är inte inloggad och ser bara justerade anteckningar från nätverk som publicerar dem öppet.{" "}
            <a href="/logga-in">Logga in</a> för att se mer.
          </p>
        </div>
      )}
      {data.polls.length > 0 && (
        <section aria-labelledby="omrostningar" class="notice">
          <h2 id="omrostningar">Datumomröstningar att svara på</h2>
          <ul>
            {data.polls.map((p) => (
              <li key={p.id}>
                <a href={`/omrostningar/${p.id}`}>{p.title}</a> <span class="muted">({p.networkName})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="kommande">
        <h2 id="kommande">Kommande möten</h2>
        <MeetingTable
          meetings={data.upcoming}
          caption="Kommande möten i alla nätverk"
          showNetwork
          empty="Inga möten är planerade."
        />
      </section>
      <section aria-labelledby="senaste">
        <h2 id="senaste">Senaste mötena</h2>
        <MeetingTable
          meetings={data.recent}
          caption="De senaste mötena"
          showNetwork
          empty="Inga möten har hållits ännu."
        />
      </section>
      <section aria-labelledby="uppdrag">
        <h2 id="uppdrag">Öppna uppdrag</h2>
        <ActionTable actions={data.openActions} caption="Uppdrag som pågår" today={data.today} showNetwork />
        <p>
          <a href="/uppdrag">Alla uppdrag</a>
        </p>
      </section>
      {data.linked && (
        <p>
          <a href="/inskickade">Mina inskickade punkter</a>
        </p>
      )}
    </Layout>
  );
}
