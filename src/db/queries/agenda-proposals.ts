import { sql } from "kysely";
import { followUpTitle } from "../../domain/agenda-rules.js";
import { formatDate } from "../../domain/dates.js";
import type { Tx } from "../client.js";
import type { ItemKind } from "../schema.js";
import { findPreviousHeldMeeting } from "./agenda.js";

/** Where a proposed agenda item comes from, in the order the builder proposes them. */
export type ProposalSource = "standing" | "postponed" | "action" | "theme" | "submitted";

/** An item the agenda builder proposes, with the row it would become. */
export type AgendaProposal = {
  /** stable across requests: "standing:3", "postponed:41", "action:7", "theme:2", "submitted:5" */
  key: string;
  source: ProposalSource;
  title: string;
  /** one line saying why it is proposed */
  detail: string;
  item: {
    kind: ItemKind;
    title: string;
    presenter_id: number | null;
    duration_minutes: number | null;
    standing_item_id: number | null;
    carried_from_item_id: number | null;
    theme_id: number | null;
    follow_up_action_id: number | null;
  };
  raisers: { person_id: number | null; name: string }[];
  submittedItemId: number | null;
};

type MeetingRef = { id: number; network_id: number; date: string };

const blank = {
  presenter_id: null,
  duration_minutes: null,
  standing_item_id: null,
  carried_from_item_id: null,
  theme_id: null,
  follow_up_action_id: null,
};

async function standingProposals(tx: Tx, m: MeetingRef): Promise<AgendaProposal[]> {
  const rows = await tx
    .selectFrom("standing_items as s")
    .select(["s.id", "s.title", "s.kind"])
    .where("s.network_id", "=", m.network_id)
    .where("s.active", "=", true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("agenda_items as i")
            .select("i.id")
            .where("i.meeting_id", "=", m.id)
            .whereRef("i.standing_item_id", "=", "s.id"),
        ),
      ),
    )
    .orderBy("s.position")
    .orderBy("s.id")
    .execute();
  return rows.map((s) => ({
    key: `standing:${s.id}`,
    source: "standing",
    title: s.title,
    detail: s.kind === "round" ? "Stående punkt, runda per kommun" : "Stående punkt",
    item: { ...blank, kind: s.kind, title: s.title, standing_item_id: s.id },
    raisers: [],
    submittedItemId: null,
  }));
}

async function postponedProposals(tx: Tx, m: MeetingRef): Promise<AgendaProposal[]> {
  const previous = await findPreviousHeldMeeting(tx, m);
  if (!previous) return [];
  const rows = await tx
    .selectFrom("agenda_items as i")
    .select(["i.id", "i.title", "i.kind", "i.presenter_id", "i.duration_minutes", "i.theme_id"])
    .where("i.meeting_id", "=", previous.id)
    .where("i.postponed", "=", true)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom("agenda_items as c").select("c.id").whereRef("c.carried_from_item_id", "=", "i.id")),
      ),
    )
    .orderBy("i.position")
    .execute();
  if (rows.length === 0) return [];
  const raisers = await tx
    .selectFrom("item_raisers")
    .select(["item_id", "person_id", "name"])
    .where(
      "item_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("id")
    .execute();
  return rows.map((i) => ({
    key: `postponed:${i.id}`,
    source: "postponed",
    title: i.title,
    detail: `Flyttades från mötet ${formatDate(previous.date)}`,
    item: {
      ...blank,
      kind: i.kind === "standing" ? "item" : i.kind,
      title: i.title,
      presenter_id: i.presenter_id,
      duration_minutes: i.duration_minutes,
      carried_from_item_id: i.id,
      theme_id: i.theme_id,
    },
    raisers: raisers.filter((r) => r.item_id === i.id).map((r) => ({ person_id: r.person_id, name: r.name })),
    submittedItemId: null,
  }));
}

async function actionProposals(tx: Tx, m: MeetingRef): Promise<AgendaProposal[]> {
  const rows = await tx
    .selectFrom("actions as a")
    .select([
      "a.id",
      "a.text",
      "a.due_date as dueDate",
      sql<string | null>`(SELECT string_agg(coalesce(p.name, aa.name), ', ' ORDER BY aa.id)
        FROM action_assignees aa LEFT JOIN people p ON p.id = aa.person_id WHERE aa.action_id = a.id)`.as("assignees"),
      sql<number | null>`(SELECT aa.person_id FROM action_assignees aa
        WHERE aa.action_id = a.id AND aa.person_id IS NOT NULL ORDER BY aa.id LIMIT 1)`.as("firstAssignee"),
    ])
    .where("a.network_id", "=", m.network_id)
    .where("a.status", "=", "open")
    .where("a.due_date", "<=", m.date)
    .where((eb) => eb.or([eb("a.opened_meeting_id", "is", null), eb("a.opened_meeting_id", "<>", m.id)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("agenda_items as f")
            .select("f.id")
            .where("f.meeting_id", "=", m.id)
            .whereRef("f.follow_up_action_id", "=", "a.id"),
        ),
      ),
    )
    .orderBy("a.due_date")
    .orderBy("a.id")
    .execute();
  return rows.map((a) => ({
    key: `action:${a.id}`,
    source: "action",
    title: followUpTitle(a.text),
    detail: `Öppet uppdrag${a.assignees ? ` för ${a.assignees}` : ""}, klart senast ${a.dueDate ? formatDate(a.dueDate) : "–"}`,
    item: {
      ...blank,
      kind: "item",
      title: followUpTitle(a.text),
      presenter_id: a.firstAssignee,
      follow_up_action_id: a.id,
    },
    raisers: [],
    submittedItemId: null,
  }));
}

async function themeProposals(tx: Tx, m: MeetingRef): Promise<AgendaProposal[]> {
  const rows = await tx
    .selectFrom("themes as t")
    .select([
      "t.id",
      "t.title",
      sql<string | null>`(SELECT string_agg(p.name, ', ' ORDER BY p.name)
        FROM theme_owners o JOIN people p ON p.id = o.person_id WHERE o.theme_id = t.id)`.as("owners"),
      sql<number | null>`(SELECT o.person_id FROM theme_owners o JOIN people p ON p.id = o.person_id
        WHERE o.theme_id = t.id ORDER BY p.name LIMIT 1)`.as("firstOwner"),
    ])
    .where("t.planned_meeting_id", "=", m.id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("agenda_items as i")
            .select("i.id")
            .where("i.meeting_id", "=", m.id)
            .whereRef("i.theme_id", "=", "t.id"),
        ),
      ),
    )
    .orderBy("t.position")
    .execute();
  return rows.map((t) => ({
    key: `theme:${t.id}`,
    source: "theme",
    title: t.title,
    detail: `Temaområde planerat till det här mötet${t.owners ? `, ansvariga: ${t.owners}` : ""}`,
    item: { ...blank, kind: "theme", title: t.title, presenter_id: t.firstOwner, theme_id: t.id },
    raisers: [],
    submittedItemId: null,
  }));
}

async function submittedProposals(tx: Tx, m: MeetingRef): Promise<AgendaProposal[]> {
  const rows = await tx
    .selectFrom("submitted_items as s")
    .innerJoin("people as p", "p.id", "s.person_id")
    .select(["s.id", "s.title", "s.body", "s.presenter_id", "s.person_id", "p.name"])
    .where("s.network_id", "=", m.network_id)
    .where((eb) =>
      eb.or([
        eb.and([
          eb("s.status", "=", "submitted"),
          eb.or([eb("s.meeting_id", "is", null), eb("s.meeting_id", "=", m.id)]),
        ]),
        // deferred by the coordinator to this meeting
        eb.and([eb("s.status", "=", "deferred"), eb("s.deferred_to_meeting_id", "=", m.id)]),
      ]),
    )
    .orderBy("s.created_at")
    .orderBy("s.id")
    .execute();
  return rows.map((s) => ({
    key: `submitted:${s.id}`,
    source: "submitted",
    title: s.title,
    detail: `Inskickad av ${s.name}${s.body ? `: ${s.body.length > 140 ? `${s.body.slice(0, 137)}…` : s.body}` : ""}`,
    item: { ...blank, kind: "item", title: s.title, presenter_id: s.presenter_id ?? s.person_id },
    raisers: [{ person_id: s.person_id, name: s.name }],
    submittedItemId: s.id,
  }));
}

/**
 * What the agenda builder proposes for a meeting, in this order: the network's standing items,
 * items postponed at the last meeting, open actions due by this meeting, the theme planned for it,
 * and items members sent in. Anything already on the agenda is left out.
 */
export async function listAgendaProposals(tx: Tx, meeting: MeetingRef): Promise<AgendaProposal[]> {
  const parts = [
    await standingProposals(tx, meeting),
    await postponedProposals(tx, meeting),
    await actionProposals(tx, meeting),
    await themeProposals(tx, meeting),
    await submittedProposals(tx, meeting),
  ];
  return parts.flat();
}
