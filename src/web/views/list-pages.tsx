import type { ActionRow } from "../../db/queries/actions.js";
import type { MeetingListRow } from "../../db/queries/meetings.js";
import { ActionTable } from "./action-list.js";
import { DateText, Empty, NotYet } from "./components.js";
import { Layout } from "./layout.js";
import { MeetingTable } from "./meeting-list.js";

/** All meetings: coming first, then held. */
export function MeetingsPage(props: { upcoming: MeetingListRow[]; past: MeetingListRow[]; canPlan?: boolean }) {
  return (
    <Layout title="Möten" active="meetings">
      <h1>Möten</h1>
      {props.canPlan && (
        <p class="entry-points">
          <a class="button" href="/moten/nytt">
            Planera nytt möte
          </a>
        </p>
      )}
      <section aria-labelledby="kommande">
        <h2 id="kommande">Kommande</h2>
        <MeetingTable meetings={props.upcoming} caption="Kommande möten" showNetwork empty="Inga möten är planerade." />
      </section>
      <section aria-labelledby="hallna">
        <h2 id="hallna">Hållna</h2>
        <MeetingTable
          meetings={props.past}
          caption="Hållna möten, senaste först"
          showNetwork
          empty="Inga möten har hållits."
        />
      </section>
    </Layout>
  );
}

/** Open actions across networks, and recently closed ones. */
export function ActionsPage(props: { open: ActionRow[]; done: ActionRow[]; today: string }) {
  return (
    <Layout title="Uppdrag" active="actions">
      <h1>Uppdrag</h1>
      <p class="entry-points">
        <a class="button secondary" href="/uppdrag/mina">
          Mina uppdrag
        </a>
      </p>
      <section aria-labelledby="pagaende">
        <h2 id="pagaende">Pågående</h2>
        <ActionTable actions={props.open} caption="Pågående uppdrag, tidigast först" today={props.today} showNetwork />
      </section>
      <section aria-labelledby="klara">
        <h2 id="klara">Klara</h2>
        <ActionTable actions={props.done} caption="Klara uppdrag" today={props.today} showNetwork />
      </section>
    </Layout>
  );
}

/** A decision as the decision list shows it. */
export type DecisionListRow = {
  id: number;
  year: number;
  number: number;
  text: string;
  itemId: number | null;
  networkName: string;
  networkSlug: string;
  meetingId: number;
  meetingDate: string;
};

/** Decisions across networks, newest first. */
export function DecisionsPage({ decisions }: { decisions: DecisionListRow[] }) {
  return (
    <Layout title="Beslut" active="decisions">
      <h1>Beslut</h1>
      {decisions.length === 0 ? (
        <Empty>Inga beslut ännu.</Empty>
      ) : (
        <table class="list">
          <caption>Beslut, senaste först</caption>
          <thead>
            <tr>
              <th scope="col">Nr</th>
              <th scope="col">Beslut</th>
              <th scope="col">Nätverk</th>
              <th scope="col">Möte</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.year}:{d.number}
                </td>
                <td>{d.text}</td>
                <td>
                  <a href={`/natverk/${d.networkSlug}`}>{d.networkName}</a>
                </td>
                <td>
                  <a href={`/moten/${d.meetingId}${d.itemId ? `#punkt-${d.itemId}` : ""}`}>
                    <DateText date={d.meetingDate} />
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** A section that is reachable from the navigation but not built yet. */
export function NotBuiltPage(props: { title: string; active: "search" | "admin"; what: string }) {
  return (
    <Layout title={props.title} active={props.active}>
      <h1>{props.title}</h1>
      <NotYet what={props.what} />
    </Layout>
  );
}
