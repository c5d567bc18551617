import type { NetworkSummary } from "../../db/queries/networks.js";
import { NETWORK_KIND_LABELS, NETWORK_STATUS_LABELS } from "../../domain/labels.js";
import { DateText, Empty } from "./components.js";
import { Layout } from "./layout.js";

/** All networks, sub-networks indented under their parent. */
export function NetworksPage({ networks, canCreate }: { networks: NetworkSummary[]; canCreate?: boolean }) {
  return (
    <Layout title="Nätverk" active="networks">
      <h1>Nätverk</h1>
      {canCreate && (
        <nav aria-label="Sekretariatet" class="entry-points">
          <a class="button" href="/natverk/nytt">
            Nytt nätverk
          </a>
          <a class="button secondary" href="/kontakter">
            Kontaktlista per kommun
          </a>
        </nav>
      )}
      {networks.length === 0 ? (
        <Empty>Det finns inga nätverk ännu.</Empty>
      ) : (
        <table class="list">
          <caption>Nätverk och undernätverk</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Typ</th>
              <th scope="col">Status</th>
              <th scope="col">Medlemmar</th>
              <th scope="col">Senaste möte</th>
              <th scope="col">Nästa möte</th>
            </tr>
          </thead>
          <tbody>
            {networks.map((n) => (
              <tr key={n.id} class={n.parentId ? "child" : undefined}>
                <td>
                  <a href={`/natverk/${n.slug}`}>{n.name}</a>
                  {n.parentName && <span class="muted"> – under {n.parentName}</span>}
                </td>
                <td>{NETWORK_KIND_LABELS[n.kind]}</td>
                <td>{NETWORK_STATUS_LABELS[n.status]}</td>
                <td>{n.memberCount}</td>
                <td>{n.lastMeeting ? <DateText date={n.lastMeeting} /> : "–"}</td>
                <td>{n.nextMeeting ? <DateText date={n.nextMeeting} /> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
