import type { MeetingPageData } from "../../commands/getMeetingPage.js";
import type { AttendanceRow, ItemDetail } from "../../db/queries/meetings.js";
import { formatDateLong } from "../../domain/dates.js";
import { ACTION_STATUS_LABELS, ITEM_KIND_LABELS } from "../../domain/labels.js";
import { DateText, Empty, Markdown, StateBadge, TimeRange } from "./components.js";
import { ExportLinks } from "./export-links.js";
import { ObjectTabs } from "./history-page.js";
import { Layout } from "./layout.js";

function PersonLink({ personId, name }: { personId: number | null; name: string }) {
  return personId ? <a href={`/personer/${personId}`}>{name}</a> : <span>{name}</span>;
}

function AttendanceTable({ rows, caption, guests }: { rows: AttendanceRow[]; caption: string; guests?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <table class="list compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Namn</th>
          <th scope="col">{guests ? "Roll" : "Kommun"}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.personId}>
            <td>
              <PersonLink personId={a.personId} name={a.name} />
              {a.isChair && " (ordf.)"}
            </td>
            <td>{guests ? (a.roleText ?? a.municipality ?? "–") : (a.municipality ?? "–")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Item({ item, roundNotes }: { item: ItemDetail; roundNotes: MeetingPageData["roundNotes"] }) {
  const notes = roundNotes.filter((r) => r.itemId === item.id);
  return (
    <li id={`punkt-${item.id}`} class="item">
      <h3>
        {item.title}
        {item.kind !== "item" && <span class="badge kind"> {ITEM_KIND_LABELS[item.kind]}</span>}
        {item.postponed && <span class="badge postponed"> Flyttas till nästa möte</span>}
      </h3>
      {item.raisedBy.length > 0 && (
        <p class="meta">
          Ärende från{" "}
          {item.raisedBy.map((r, i) => (
            <span key={`${r.name}-${i}`}>
              {i > 0 && (i === item.raisedBy.length - 1 ? " och " : ", ")}
              <PersonLink personId={r.personId} name={r.name} />
            </span>
          ))}
        </p>
      )}
      {item.carriedFromMeetingId && (
        <p class="meta">
          Flyttad från <a href={`/moten/${item.carriedFromMeetingId}`}>ett tidigare möte</a>
        </p>
      )}
      <Markdown source={item.notes} />
      {notes.length > 0 && (
        <dl class="round">
          {notes.map((n) => (
            <div key={n.municipality}>
              <dt>{n.municipality}</dt>
              <dd>{n.notes}</dd>
            </div>
          ))}
        </dl>
      )}
      {item.decisions.length > 0 && (
        <div class="decisions">
          {item.decisions.map((d) => (
            <p key={d.id} class="decision">
              <strong>
                Beslut {d.year}:{d.number}:
              </strong>{" "}
              {d.text}
            </p>
          ))}
        </div>
      )}
      {item.actions.length > 0 && (
        <ul class="actions" aria-label={`Uppdrag under ${item.title}`}>
          {item.actions.map((a) => (
            <li key={a.id}>
              <strong>Uppdrag:</strong> {a.text}{" "}
              <span class="muted">
                (
                {a.assignees.map((p, i) => (
                  <span key={`${p.name}-${i}`}>
                    {i > 0 && ", "}
                    <PersonLink personId={p.personId} name={p.name} />
                  </span>
                ))}
                {a.dueDate && (
                  <>
                    , senast <DateText date={a.dueDate} />
                  </>
                )}
                , {ACTION_STATUS_LABELS[a.status as keyof typeof ACTION_STATUS_LABELS] ?? a.status})
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A meeting: header, attendance, agenda items with notes, decisions and actions. */
export function MeetingPage({ data }: { data: MeetingPageData }) {
  const { meeting, attendance, items, neighbours } = data;
  const title = `${meeting.networkName} ${meeting.date}`;
  const present = attendance.filter((a) => a.status === "present");
  const guests = attendance.filter((a) => a.status === "guest");
  const absent = attendance.filter((a) => a.status === "absent" || a.status === "excused");
  const noteTaker = meeting.noteTakerPersonName ?? meeting.note_taker_name;
  return (
    <Layout
      title={title}
      active="meetings"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: `/natverk/${meeting.networkSlug}`, label: meeting.networkName },
      ]}
    >
      <h1>
        {meeting.networkName}
        <span class="subtitle">{formatDateLong(meeting.date)}</span>
      </h1>
      {data.canSeeHistory && <ObjectTabs href={`/moten/${meeting.id}`} current="object" />}
      <dl class="facts">
        <div>
          <dt>Datum och tid</dt>
          <dd>
            <DateText date={meeting.date} /> <TimeRange start={meeting.start_time} end={meeting.end_time} />
          </dd>
        </div>
        <div>
          <dt>Plats</dt>
          <dd>
            {meeting.location || "–"}
            {meeting.online_url && (
              <>
                {" "}
                (<a href={meeting.online_url}>länk till mötet</a>)
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StateBadge state={meeting.state} />
            {meeting.state === "cancelled" && meeting.cancelled_reason && ` – ${meeting.cancelled_reason}`}
          </dd>
        </div>
        {noteTaker && (
          <div>
            <dt>Vid tangenterna</dt>
            <dd>
              {meeting.note_taker_id ? <a href={`/personer/${meeting.note_taker_id}`}>{noteTaker}</a> : noteTaker}
            </dd>
          </div>
        )}
        {meeting.approvedByName && meeting.approved_at && (
          <div>
            <dt>Justerat av</dt>
            <dd>
              {meeting.approvedByName}, <DateText date={meeting.approved_at.toISOString().slice(0, 10)} />
            </dd>
          </div>
        )}
      </dl>
      <ExportLinks meetingId={meeting.id} state={meeting.state} />

      <section aria-labelledby="narvaro">
        <h2 id="narvaro">Närvaro</h2>
        {attendance.length === 0 ? (
          <Empty>Närvaron är inte registrerad.</Empty>
        ) : (
          <div class="columns">
            <AttendanceTable rows={present} caption={`Närvarande (${present.length})`} />
            <AttendanceTable rows={guests} caption={`Övriga (${guests.length})`} guests />
            <AttendanceTable rows={absent} caption={`Frånvarande (${absent.length})`} />
          </div>
        )}
      </section>

      <section aria-labelledby="dagordning">
        <h2 id="dagordning">
          {meeting.state === "planned" || meeting.state === "notice_sent" ? "Dagordning" : "Anteckningar"}
        </h2>
        {items.length === 0 ? (
          <Empty>Dagordningen är tom.</Empty>
        ) : (
          <ol class="agenda">
            {items.map((item) => (
              <Item key={item.id} item={item} roundNotes={data.roundNotes} />
            ))}
          </ol>
        )}
      </section>

      <nav aria-label="Andra möten i nätverket" class="pager">
        {neighbours.previous && (
          <a href={`/moten/${neighbours.previous.id}`} rel="prev">
            ← Föregående möte (<DateText date={neighbours.previous.date} />)
          </a>
        )}
        {neighbours.next && (
          <a href={`/moten/${neighbours.next.id}`} rel="next">
            Nästa möte (<DateText date={neighbours.next.date} />) →
          </a>
        )}
      </nav>
    </Layout>
  );
}
