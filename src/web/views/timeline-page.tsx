import type { TopicTimeline } from "../../commands/getTopicTimeline.js";
import type { SearchRequest } from "../../commands/search.js";
import { formatDate } from "../../domain/dates.js";
import { ACTION_STATUS_LABELS } from "../../domain/labels.js";
import { ChartFigure } from "./chart.js";
import { DateText, Empty } from "./components.js";
import { Layout } from "./layout.js";
import { searchHref } from "./search-page.js";

/** A topic followed through the minutes: meetings in date order with decisions and actions along the way. */
export function TimelinePage({ input, data }: { input: SearchRequest; data: TopicTimeline }) {
  const years = data.years.map((y) => String(y.year));
  return (
    <Layout
      title={`Tidslinje: ${data.title}`}
      active="search"
      crumbs={[{ href: searchHref("/sok", input), label: "Sök" }]}
    >
      <h1>
        {data.title}
        <span class="subtitle">Tidslinje över möten där ämnet togs upp</span>
      </h1>
      {data.notes.map((n) => (
        <p key={n} class="muted">
          {n}
        </p>
      ))}
      {data.message ? (
        <Empty>{data.message}</Empty>
      ) : (
        <>
          <p class="summary">
            {data.meetings.length} {data.meetings.length === 1 ? "möte" : "möten"}, {data.decisions}{" "}
            {data.decisions === 1 ? "beslut" : "beslut"} och {data.actions} {data.actions === 1 ? "uppdrag" : "uppdrag"}
            . <a href={searchHref("/sok", input)}>Tillbaka till träffarna</a>
          </p>
          {data.years.length > 1 && (
            <ChartFigure
              spec={{
                type: "bars",
                label: "Möten per år där ämnet togs upp. Mötena står i listan under.",
                tableId: "tidslinje",
                categories: years,
                series: ["Möten"],
                yLabel: "Möten",
                bars: data.years.map((y) => ({ category: String(y.year), value: y.meetings, series: "Möten" })),
              }}
            />
          )}
          <ol class="timeline" id="tidslinje">
            {data.meetings.map((m) => (
              <li key={m.meetingId}>
                <h2 class="timeline-date">
                  <a href={`/moten/${m.meetingId}`}>
                    <DateText date={m.date} />
                  </a>{" "}
                  <span class="muted">{m.networkName}</span>
                </h2>
                <ul class="timeline-items">
                  {m.items.map((i) => (
                    <li key={i.id}>
                      <a href={`/moten/${m.meetingId}#punkt-${i.id}`}>{i.title}</a>
                      {i.postponed && (
                        <>
                          {" "}
                          <span class="badge postponed">Flyttas till nästa möte</span>
                        </>
                      )}
                      {i.decisions.map((d) => (
                        <p key={d.id} class="decision">
                          <strong>
                            Beslut {d.year}:{d.number}:
                          </strong>{" "}
                          {d.text}
                        </p>
                      ))}
                      {i.actions.length > 0 && (
                        <ul class="actions" aria-label={`Uppdrag under ${i.title}`}>
                          {i.actions.map((a) => (
                            <li key={a.id}>
                              <strong>Uppdrag:</strong> {a.text}{" "}
                              <span class="muted">
                                (
                                {[
                                  a.assignees,
                                  a.dueDate ? `senast ${formatDate(a.dueDate)}` : null,
                                  ACTION_STATUS_LABELS[a.status as keyof typeof ACTION_STATUS_LABELS] ?? a.status,
                                ]
                                  .filter(Boolean)
                                  .join(", ")}
                                )
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}
