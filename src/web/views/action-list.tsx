import type { ActionRow } from "../../db/queries/actions.js";
import { ACTION_STATUS_LABELS } from "../../domain/labels.js";
import { DateText, Empty } from "./components.js";

/** A table of actions: what, who, when due, status, where it was decided. */
export function ActionTable(props: { actions: ActionRow[]; caption: string; today: string; showNetwork?: boolean }) {
  if (props.actions.length === 0) return <Empty>Inga uppdrag.</Empty>;
  return (
    <table class="list">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Uppdrag</th>
          <th scope="col">Ansvarig</th>
          <th scope="col">Klart senast</th>
          <th scope="col">Status</th>
          {props.showNetwork && <th scope="col">Nätverk</th>}
          <th scope="col">Från mötet</th>
        </tr>
      </thead>
      <tbody>
        {props.actions.map((a) => {
          const overdue = a.status === "open" && a.dueDate !== null && a.dueDate < props.today;
          return (
            <tr key={a.id}>
              <td>{a.text}</td>
              <td>{a.assignees ?? "–"}</td>
              <td>
                {a.dueDate ? <DateText date={a.dueDate} /> : "–"}
                {overdue && <span class="badge overdue"> Försenat</span>}
              </td>
              <td>{ACTION_STATUS_LABELS[a.status]}</td>
              {props.showNetwork && (
                <td>
                  <a href={`/natverk/${a.networkSlug}`}>{a.networkName}</a>
                </td>
              )}
              <td>
                {a.meetingId && a.meetingDate ? (
                  <a href={`/moten/${a.meetingId}${a.itemId ? `#punkt-${a.itemId}` : ""}`}>
                    <DateText date={a.meetingDate} />
                  </a>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
