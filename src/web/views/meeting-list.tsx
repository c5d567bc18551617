import type { MeetingListRow } from "../../db/queries/meetings.js";
import { DateText, Empty, StateBadge, TimeRange } from "./components.js";

/** A table of meetings with date, network, place and state. */
export function MeetingTable(props: {
  meetings: MeetingListRow[];
  caption: string;
  showNetwork?: boolean;
  empty: string;
}) {
  if (props.meetings.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <table class="list">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Datum</th>
          {props.showNetwork && <th scope="col">Nätverk</th>}
          <th scope="col">Plats</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {props.meetings.map((m) => (
          <tr key={m.id}>
            <td>
              <a href={`/moten/${m.id}`}>
                <DateText date={m.date} />
              </a>{" "}
              <span class="muted">
                <TimeRange start={m.startTime} end={m.endTime} />
              </span>
            </td>
            {props.showNetwork && (
              <td>
                <a href={`/natverk/${m.networkSlug}`}>{m.networkName}</a>
              </td>
            )}
            <td>{m.location}</td>
            <td>
              <StateBadge state={m.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
