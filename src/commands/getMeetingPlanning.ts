import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { listThemesForMeeting, type ThemeRow } from "../db/queries/plans.js";
import { type Actor, allows, type NetworkRole } from "../domain/permissions.js";

/**
 * The planning parts of a meeting page: the themes planned for it, the viewer's own förhinder,
 * and for coordinators, while the meeting is on, what the "Nästa tema" form offers (the plan's
 * themes, coming meetings, current members).
 */
export async function getMeetingPlanning(
  tx: Tx,
  opts: {
    actor: Actor;
    roles: NetworkRole[];
    meeting: { id: number; network_id: number; date: string; state: string };
    today: string;
  },
) {
  const { meeting, actor, roles } = opts;
  const coming = meeting.state === "planned" || meeting.state === "notice_sent";
  const themes: ThemeRow[] = await listThemesForMeeting(tx, meeting.id);

  let apology: { state: "none" | "reported" | "recorded"; note: string | null } | null = null;
  if (coming && actor.personId !== null && allows(actor, roles, "apology.send")) {
    const onDay = await listMembersOn(tx, meeting.network_id, meeting.date);
    if (onDay.some((m) => m.personId === actor.personId)) {
      const row = await tx
        .selectFrom("attendance")
        .select(["status", "apology_at", "apology_note"])
        .where("meeting_id", "=", meeting.id)
        .where("person_id", "=", actor.personId)
        .executeTakeFirst();
      // Someone already noted as away stays so; present or guest rows may still be changed to förhinder.
      const away = row && (row.status === "absent" || row.status === "excused");
      apology = {
        state: !away ? "none" : row.apology_at ? "reported" : "recorded",
        note: row?.apology_note ?? null,
      };
    }
  }

  // The next theme is decided at a meeting: offered from its notice until the minutes are approved.
  let nextTheme = null;
  const decidesNext = meeting.state === "notice_sent" || meeting.state === "held" || meeting.state === "minutes_draft";
  if (decidesNext && allows(actor, roles, "meeting.edit")) {
    const [planThemes, meetings, members] = await Promise.all([
      tx
        .selectFrom("themes as t")
        .innerJoin("plans as p", "p.id", "t.plan_id")
        .leftJoin("meetings as m", "m.id", "t.planned_meeting_id")
        .select(["t.id", "t.title", "p.year", "m.date as plannedDate"])
        .where("p.network_id", "=", meeting.network_id)
        .where("p.year", ">=", Number(meeting.date.slice(0, 4)))
        .orderBy("p.year")
        .orderBy("t.position")
        .execute(),
      tx
        .selectFrom("meetings")
        .select(["id", "date"])
        .where("network_id", "=", meeting.network_id)
        .where("state", "in", ["planned", "notice_sent"])
        .where("date", ">=", meeting.date)
        .where("id", "<>", meeting.id)
        .orderBy("date")
        .limit(12)
        .execute(),
      listMembersOn(tx, meeting.network_id, opts.today),
    ]);
    nextTheme = {
      themes: planThemes,
      meetings,
      members: members.map((m) => ({ personId: m.personId, name: m.name, municipality: m.municipality })),
    };
  }
  return { themes, apology, nextTheme };
}

/** The planning parts the meeting page shows. */
export type MeetingPlanning = Awaited<ReturnType<typeof getMeetingPlanning>>;
