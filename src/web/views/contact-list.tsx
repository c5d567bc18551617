import type { AllContactsData, ContactListData } from "../../commands/getNetworkEditors.js";
import type { ContactRow } from "../../db/queries/contacts.js";
import { formatDate } from "../../domain/dates.js";
import { ROLE_LABELS } from "../../domain/labels.js";
import { Empty } from "./components.js";
import { Layout } from "./layout.js";

function Contact({ c, showNetwork }: { c: ContactRow; showNetwork?: boolean }) {
  return (
    <tr>
      <td>
        {c.name}
        {c.title && <span class="muted">, {c.title}</span>}
      </td>
      {showNetwork ? <td>{c.networkName}</td> : <td>{c.municipality ?? "–"}</td>}
      <td>{ROLE_LABELS[c.role]}</td>
      <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : "–"}</td>
      <td>{c.phone ?? "–"}</td>
    </tr>
  );
}

function Head({ second }: { second: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">Namn</th>
        <th scope="col">{second}</th>
        <th scope="col">Roll</th>
        <th scope="col">E-post</th>
        <th scope="col">Telefon</th>
      </tr>
    </thead>
  );
}

/** A network's contact list, laid out to print on paper (the print stylesheet drops the page frame). */
export function ContactListPage({ data }: { data: ContactListData }) {
  const { network } = data;
  return (
    <Layout
      title={`Kontaktlista – ${network.name}`}
      active="networks"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: `/natverk/${network.slug}`, label: network.name },
      ]}
    >
      <h1>
        Kontaktlista
        <span class="subtitle">
          {network.name}, {formatDate(data.today)}
        </span>
      </h1>
      <p class="no-print hint">Skriv ut sidan för en lista på papper; menyer och knappar tas bort vid utskrift.</p>
      {data.contacts.length === 0 ? (
        <Empty>Nätverket har inga medlemmar just nu.</Empty>
      ) : (
        <table class="list contacts">
          <caption>Medlemmar per kommun</caption>
          <Head second="Kommun" />
          <tbody>
            {data.contacts.map((c) => (
              <Contact key={c.membershipId} c={c} />
            ))}
          </tbody>
        </table>
      )}
      {data.representations.length > 0 && (
        <section aria-labelledby="representanter">
          <h2 id="representanter">Representanter i andra organ</h2>
          <ul>
            {data.representations.map((r) => (
              <li key={r.id}>
                {r.body}: {r.name}
                {r.municipality && `, ${r.municipality}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

/** The secretariat's list: every current member of every network, grouped by municipality. */
export function AllContactsPage({ data }: { data: AllContactsData }) {
  return (
    <Layout title="Kontaktlista per kommun" active="networks" crumbs={[{ href: "/natverk", label: "Nätverk" }]}>
      <h1>
        Kontaktlista per kommun<span class="subtitle">Alla nätverk, {formatDate(data.today)}</span>
      </h1>
      <p class="no-print hint">{data.count} uppdrag i nätverken. Skriv ut sidan för en lista på papper.</p>
      {data.groups.length === 0 ? (
        <Empty>Inga nätverk har medlemmar just nu.</Empty>
      ) : (
        data.groups.map(([municipality, rows]) => (
          <section key={municipality} aria-labelledby={`kommun-${rows[0]?.membershipId}`} class="contact-group">
            <h2 id={`kommun-${rows[0]?.membershipId}`}>{municipality}</h2>
            <table class="list contacts">
              <caption>
                {municipality}: {rows.length} uppdrag
              </caption>
              <Head second="Nätverk" />
              <tbody>
                {rows.map((c) => (
                  <Contact key={c.membershipId} c={c} showNetwork />
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </Layout>
  );
}
