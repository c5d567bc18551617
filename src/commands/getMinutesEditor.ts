import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import {
  findNextMeetingDate,
  findPreviousHeldMeeting,
  listAttachments,
  listEditableItems,
  listMembersOn,
} from "../db/queries/agenda.js";
import { findMeeting, listItemsWithDetails } from "../db/queries/meetings.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { findMeetingFor } from "./editableMeeting.js";
import { abilitiesIn } from "./getAbilities.js";

/**
 * The live minutes: every item with its notes and revision, the round's notes per municipality,
 * decisions and actions, who can be assigned, the default due date (the next meeting) and the
 * previous meeting's minutes for "Föregående anteckningar".
 */
export async function getMinutesEditor(tx: Tx, opts: { actor: Actor; meetingId: number }) {
  const row = await findMeetingFor(tx, opts.actor, opts.meetingId, "meeting.edit");
  const meeting = await findMeeting(tx, row.id);
  if (!meeting) throw notFound("Mötet");
  const items = await listEditableItems(tx, row.id);
  const details = await listItemsWithDetails(tx, row.id);
  const members = await listMembersOn(tx, row.network_id, row.date);
  const roundIds = items.filter((i) => i.kind === "round").map((i) => i.id);
  const roundNotes = roundIds.length
    ? await tx
        .selectFrom("round_notes")
        .select(["item_id as itemId", "municipality_id as municipalityId", "notes", "revision"])
        .where("item_id", "in", roundIds)
        .execute()
    : [];
  const municipalityIds = new Set<number>();
  for (const m of members) if (m.municipalityId !== null) municipalityIds.add(m.municipalityId);
  for (const r of roundNotes) municipalityIds.add(r.municipalityId);
  const municipalities = municipalityIds.size
    ? await tx
        .selectFrom("municipalities")
        .select(["id", "name"])
        .where("id", "in", [...municipalityIds])
        .orderBy("name")
        .execute()
    : [];
  const decisionIds = details.flatMap((d) => d.decisions.map((x) => x.id));
  const standingFrom = decisionIds.length
    ? await tx
        .selectFrom("standing_items")
        .select(["decision_id as decisionId", "title"])
        .where("decision_id", "in", decisionIds)
        .execute()
    : [];
  const followUpIds = items.flatMap((i) => (i.followUpActionId ? [i.followUpActionId] : []));
  const followUps = followUpIds.length
    ? await tx
        .selectFrom("actions as a")
        .select([
          "a.id",
          "a.text",
          "a.status",
          "a.due_date as dueDate",
          "a.closed_comment as closedComment",
          sql<string | null>`(SELECT string_agg(coalesce(p.name, aa.name), ', ' ORDER BY aa.id)
            FROM action_assignees aa LEFT JOIN people p ON p.id = aa.person_id WHERE aa.action_id = a.id)`.as(
            "assignees",
          ),
        ])
        .where("a.id", "in", followUpIds)
        .execute()
    : [];
  const [nextMeetingDate, previous, attachments, abilities] = [
    await findNextMeetingDate(tx, row),
    await findPreviousHeldMeeting(tx, row),
    await listAttachments(tx, row.id),
    await abilitiesIn(tx, opts.actor, row.network_id),
  ];
  const detailById = new Map(details.map((d) => [d.id, d]));
  return {
    meeting,
    items: items.map((i) => ({
      ...i,
      raisedBy: detailById.get(i.id)?.raisedBy ?? [],
      decisions: (detailById.get(i.id)?.decisions ?? []).map((d) => ({
        ...d,
        standingTitle: standingFrom.find((s) => s.decisionId === d.id)?.title ?? null,
      })),
      actions: detailById.get(i.id)?.actions ?? [],
      followUp: followUps.find((a) => a.id === i.followUpActionId) ?? null,
      attachments: attachments.filter((a) => a.itemId === i.id),
      round:
        i.kind === "round"
          ? municipalities.map((k) => {
              const note = roundNotes.find((r) => r.itemId === i.id && r.municipalityId === k.id);
              return {
                municipalityId: k.id,
                municipality: k.name,
                notes: note?.notes ?? "",
                revision: note?.revision ?? 0,
              };
            })
          : [],
    })),
    members,
    nextMeetingDate,
    previous: previous ?? null,
    abilities,
  };
}

/** What the live minutes view receives. */
export type MinutesEditorData = Awaited<ReturnType<typeof getMinutesEditor>>;
