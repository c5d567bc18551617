import type { HistoryData } from "../../commands/getHistory.js";
import { AuditTable } from "./admin-pages.js";
import { Layout } from "./layout.js";

/** The history tab of a meeting, network or person: every recorded change, newest first. */
export function HistoryPage({ data, active }: { data: HistoryData; active: "meetings" | "networks" }) {
  return (
    <Layout title={`Historik – ${data.title}`} active={active} crumbs={[{ href: data.href, label: data.title }]}>
      <h1>
        Historik<span class="subtitle">{data.title}</span>
      </h1>
      <ObjectTabs href={data.href} current="history" />
      <AuditTable entries={data.entries} caption="Ändringar, senaste först" />
    </Layout>
  );
}

/** The two tabs of an object page: the object itself and its history. */
export function ObjectTabs({ href, current }: { href: string; current: "object" | "history" }) {
  return (
    <nav aria-label="Flikar" class="tabs">
      <ul>
        <li>
          <a href={href} aria-current={current === "object" ? "page" : undefined}>
            Översikt
          </a>
        </li>
        <li>
          <a href={`${href}/historik`} aria-current={current === "history" ? "page" : undefined}>
            Historik
          </a>
        </li>
      </ul>
    </nav>
  );
}
