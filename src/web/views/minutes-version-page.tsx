import type { MinutesVersionData } from "../../commands/getMinutesVersion.js";
import { formatDateLong } from "../../domain/dates.js";
import { DateText, TimeRange } from "./components.js";
import { Layout } from "./layout.js";
import { MinutesBody } from "./meeting-page.js";

/** One approved version of a meeting's minutes, exactly as it was approved. */
export function MinutesVersionPage({ data }: { data: MinutesVersionData }) {
  const { meeting, snapshot } = data;
  const s = snapshot.meeting;
  return (
    <Layout
      title={`${s.networkName} ${s.date}, version ${data.version}`}
      active="meetings"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: `/natverk/${meeting.networkSlug}`, label: meeting.networkName },
        { href: `/moten/${meeting.id}`, label: `Möte ${meeting.date}` },
      ]}
    >
      <h1>
        {s.networkName}
        <span class="subtitle">
          {formatDateLong(s.date)} – version {data.version} av anteckningarna
        </span>
      </h1>
      <div class="notice" role="note">
        <p>
          Så här såg anteckningarna ut när version {data.version} justerades
          {s.approvedBy && ` av ${s.approvedBy}`}, <DateText date={s.approvedAt.slice(0, 10)} />.
          {data.reason && ` Skäl till rättelsen: ${data.reason}.`}{" "}
          {data.version < data.latestVersion || meeting.minutes_version > data.version ? (
            <a href={`/moten/${meeting.id}`}>Visa den senaste versionen</a>
          ) : (
            <a href={`/moten/${meeting.id}`}>Tillbaka till mötet</a>
          )}
        </p>
      </div>
      <dl class="facts">
        <div>
          <dt>Datum och tid</dt>
          <dd>
            <DateText date={s.date} /> <TimeRange start={s.startTime} end={s.endTime} />
          </dd>
        </div>
        <div>
          <dt>Plats</dt>
          <dd>{s.location || "–"}</dd>
        </div>
        {s.noteTaker && (
          <div>
            <dt>Vid tangenterna</dt>
            <dd>{s.noteTaker}</dd>
          </div>
        )}
      </dl>
      <MinutesBody
        attendance={snapshot.attendance}
        items={snapshot.items}
        roundNotes={snapshot.roundNotes}
        heading="Anteckningar"
      />
    </Layout>
  );
}
