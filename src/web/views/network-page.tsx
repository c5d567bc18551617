import type { Abilities } from "../../commands/getAbilities.js";
import type { NetworkPageData } from "../../commands/getNetworkPage.js";
import { NETWORK_KIND_LABELS, NETWORK_STATUS_LABELS, ROLE_LABELS } from "../../domain/labels.js";
import { DateText, Empty } from "./components.js";
import { ContactListLinks } from "./export-links.js";
import { ObjectTabs } from "./history-page.js";
import { Layout } from "./layout.js";
import { MeetingTable } from "./meeting-list.js";
import { NetworkSearchBox } from "./search-page.js";

function Period({ from, to }: { from: string | null; to: string | null }) {
  if (!from && !to) return null;
  return (
    <span class="muted">
      {from ? <DateText date={from} /> : "?"} – {to ? <DateText date={to} /> : "tills vidare"}
    </span>
  );
}

function EntryPoints({ slug, can, contacts }: { slug: string; can: Abilities | undefined; contacts: boolean }) {
  if (!can?.signedIn) return null;
  return (
    <nav aria-label="Arbeta med nätverket" class="entry-points">
      {can.editMeetings && (
        <a class="button" href={`/moten/nytt?natverk=${slug}`}>
          Planera nytt möte
        </a>
      )}
      {can.manageNetwork && (
        <>
          <a class="button secondary" href={`/natverk/${slug}/medlemmar`}>
            Medlemmar och representanter
          </a>
          <a class="button secondary" href={`/natverk/${slug}/redigera`}>
            Inställningar och stående punkter
          </a>
          <a class="button secondary" href={`/natverk/nytt?overordnat=${slug}`}>
            Nytt undernätverk
          </a>
          <a class="button secondary" href={`/import?natverk=${slug}`}>
            Importera protokoll
          </a>
        </>
      )}
      {contacts && (
        <a class="button secondary" href={`/natverk/${slug}/kontakter`}>
          Kontaktlista
        </a>
      )}
      <a class="button secondary" href={`/natverk/${slug}/plan`}>
        Verksamhetsplan
      </a>
      <a class="button secondary" href={`/natverk/${slug}/ordforande`}>
        Ordförandeskap
      </a>
      {(can.submitItems || can.editMeetings) && (
        <a class="button secondary" href={`/natverk/${slug}/omrostningar`}>
          Datumomröstningar
        </a>
      )}
    </nav>
  );
}

/** A network: purpose, members by municipality, sub-networks, representatives, meetings. */
export function NetworkPage({ data, abilities }: { data: NetworkPageData; abilities?: Abilities }) {
  const { network } = data;
  return (
    <Layout
      title={network.name}
      active="networks"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        ...(data.parent ? [{ href: `/natverk/${data.parent.slug}`, label: data.parent.name }] : []),
      ]}
    >
      <h1>{network.name}</h1>
      {data.canSeeHistory && <ObjectTabs href={`/natverk/${network.slug}`} current="object" />}
      <p class="meta">
        {NETWORK_KIND_LABELS[network.kind]} · {NETWORK_STATUS_LABELS[network.status]}
      </p>
      {network.purpose && <p class="lead">{network.purpose}</p>}
      <EntryPoints slug={network.slug} can={abilities} contacts={data.canSeeContacts} />
      <NetworkSearchBox name={network.name} slug={network.slug} />

      <section aria-labelledby="kommande">
        <h2 id="kommande">Kommande möten</h2>
        <MeetingTable
          meetings={data.upcoming}
          caption={`Kommande möten i ${network.name}`}
          empty="Inga möten är planerade."
        />
      </section>

      <section aria-labelledby="medlemmar">
        <h2 id="medlemmar">Medlemmar</h2>
        {data.canSeeContacts && <ContactListLinks slug={network.slug} />}
        {data.byMunicipality.length === 0 ? (
          <Empty>Nätverket har inga medlemmar just nu.</Empty>
        ) : (
          <table class="list">
            <caption>Nuvarande medlemmar per kommun</caption>
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col">Namn</th>
                <th scope="col">Roll</th>
                <th scope="col">Period</th>
              </tr>
            </thead>
            <tbody>
              {data.byMunicipality.flatMap(([municipality, members]) =>
                members.map((m, i) => (
                  <tr key={m.membershipId}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={members.length}>
                        {municipality}
                      </th>
                    )}
                    <td>{data.linkPeople ? <a href={`/personer/${m.personId}`}>{m.name}</a> : m.name}</td>
                    <td>{ROLE_LABELS[m.role]}</td>
                    <td>
                      <Period from={m.fromDate} to={m.toDate} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
        {data.former.length > 0 && (
          <details>
            <summary>Tidigare medlemmar ({data.former.length})</summary>
            <ul>
              {data.former.map((m) => (
                <li key={m.membershipId}>
                  {data.linkPeople ? <a href={`/personer/${m.personId}`}>{m.name}</a> : m.name}, {m.municipality ?? "–"}
                  , {ROLE_LABELS[m.role].toLowerCase()} <Period from={m.fromDate} to={m.toDate} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {data.children.length > 0 && (
        <section aria-labelledby="undernatverk">
          <h2 id="undernatverk">Undernätverk och arbetsgrupper</h2>
          <ul>
            {data.children.map((c) => (
              <li key={c.id}>
                <a href={`/natverk/${c.slug}`}>{c.name}</a>{" "}
                <span class="muted">({NETWORK_KIND_LABELS[c.kind].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.representations.length > 0 && (
        <section aria-labelledby="representanter">
          <h2 id="representanter">Representanter i andra organ</h2>
          <ul>
            {data.representations.map((r) => (
              <li key={r.id}>
                {r.body}: {data.linkPeople ? <a href={`/personer/${r.personId}`}>{r.name}</a> : r.name}
                {r.municipality && `, ${r.municipality}`} <Period from={r.fromDate} to={r.toDate} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="tidigare">
        <h2 id="tidigare">Tidigare möten</h2>
        <MeetingTable
          meetings={data.past}
          caption={`Tidigare möten i ${network.name}`}
          empty="Inga möten har hållits ännu."
        />
      </section>
    </Layout>
  );
}
