import type { ReportRequest } from "../../commands/reports/context.js";
import { REPORT_NAMES, REPORTS, type ReportName } from "../../commands/reports/index.js";
import type { Report, ReportTable } from "../../domain/report.js";
import { ChartFigure } from "./chart.js";
import { Empty } from "./components.js";
import { Layout } from "./layout.js";

/** The list of reports. */
export function ReportsPage() {
  return (
    <Layout title="Rapporter" active="reports">
      <h1>Rapporter</h1>
      <p class="lead">Sammanställningar över nätverken: närvaro, möten, ordförandeskap, uppdrag och beslut.</p>
      <ul class="report-list">
        {REPORT_NAMES.map((name) => (
          <li key={name}>
            <h2>
              <a href={`/rapporter/${REPORTS[name].slug}`}>{REPORTS[name].title}</a>
            </h2>
            <p>{REPORTS[name].about}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

function Table({ table }: { table: ReportTable }) {
  if (table.rows.length === 0) return <Empty>Inga uppgifter att visa.</Empty>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that may scroll sideways must be reachable by keyboard
    <section class="table-scroll" tabIndex={0} aria-label={`${table.caption} (tabell)`}>
      <table class="list compact" id={`tabell-${table.id}`}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {row[c.key] ?? "–"}
                  </th>
                ) : (
                  <td key={c.key} class={c.numeric ? "num" : undefined}>
                    {row[c.key] ?? "–"}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function reportHref(slug: string, input: ReportRequest, suffix = "", table?: string): string {
  const params = new URLSearchParams();
  if (input.network) params.set("network", input.network);
  if (input.years !== 3) params.set("years", String(input.years));
  if (input.asOf) params.set("asOf", input.asOf);
  if (table) params.set("table", table);
  const qs = params.toString();
  return `/rapporter/${slug}${suffix}${qs ? `?${qs}` : ""}`;
}

/** One report: its filters, summary sentences, charts (SVG) and the tables behind them, with CSV links. */
export function ReportPage(props: {
  name: ReportName;
  report: Report;
  input: ReportRequest;
  networks: { slug: string; name: string }[];
}) {
  const { name, report, input } = props;
  const slug = REPORTS[name].slug;
  return (
    <Layout title={report.title} active="reports" crumbs={[{ href: "/rapporter", label: "Rapporter" }]}>
      <h1>{report.title}</h1>
      <p class="lead">{report.description}</p>
      <form method="get" action={`/rapporter/${slug}`} class="report-form">
        <p>
          <label for="rapport-network">Nätverk</label>
          <select id="rapport-network" name="network">
            <option value="">Alla nätverk</option>
            {props.networks.map((n) => (
              <option key={n.slug} value={n.slug} selected={input.network === n.slug}>
                {n.name}
              </option>
            ))}
          </select>
        </p>
        {name === "rotation" && (
          <p>
            <label for="rapport-years">Antal år bakåt</label>
            <input id="rapport-years" name="years" type="number" min={1} max={50} value={String(input.years)} />
          </p>
        )}
        <p>
          <label for="rapport-asof">Per datum (ÅÅÅÅ-MM-DD)</label>
          <input id="rapport-asof" name="asOf" type="text" inputMode="numeric" value={input.asOf ?? ""} size={10} />
        </p>
        <p>
          <button type="submit">Visa</button>
        </p>
      </form>
      {report.summary.length > 0 && (
        <div class="report-summary" role="status">
          {report.summary.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
      )}
      {report.charts.map((c, i) => (
        <ChartFigure key={i} spec={c} />
      ))}
      {report.tables.map((t) => (
        <section key={t.id} aria-labelledby={`rubrik-${t.id}`}>
          <h2 id={`rubrik-${t.id}`}>{t.caption}</h2>
          <p>
            <a href={reportHref(slug, input, ".csv", t.id)} download>
              Ladda ner som CSV ({t.caption.toLowerCase()})
            </a>
          </p>
          <Table table={t} />
        </section>
      ))}
    </Layout>
  );
}
