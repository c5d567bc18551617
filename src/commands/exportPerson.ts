import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { requireAdmin } from "./authorize.js";

// One-time links in queued mail would let whoever reads the export sign in as the person.
const redactLinks = (text: string) =>
  text.replace(/\S*\/(aterstall|forsta-inloggning)\/\S+/g, "[engångslänk borttagen ur exporten]");

/**
 * Everything Samråd holds about a person, as one JSON document (GDPR art. 15): the person, their
 * memberships, attendance, items, actions, account, sessions, sign-in links, mail and the audit
 * entries by or about them. Password hashes and live link secrets are left out. The export is recorded.
 */
export async function exportPerson(tx: Tx, opts: { actor: Actor; personId: number; now?: Date }) {
  requireAdmin(opts.actor);
  const id = opts.personId;
  const person = await tx
    .selectFrom("people as p")
    .leftJoin("municipalities as k", "k.id", "p.municipality_id")
    .select([
      "p.id",
      "p.name",
      "p.email",
      "p.phone",
      "p.title",
      "k.name as municipality",
      "p.anonymized_at as anonymizedAt",
      "p.created_at as createdAt",
      "p.updated_at as updatedAt",
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!person) throw notFound("Personen");
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(tx)).rows;
  const users = await tx
    .selectFrom("users")
    .select([
      "id",
      "email",
      "is_admin as isAdmin",
      "disabled_at as disabledAt",
      "created_at as createdAt",
      "last_signin_at as lastSigninAt",
      sql<boolean>`password_hash IS NOT NULL`.as("hasPassword"),
      sql<boolean>`oidc_subject IS NOT NULL`.as("singleSignOnLinked"),
    ])
    .where("person_id", "=", id)
    .execute();
  const userIds = users.map((u) => u.id);
  const emails = [person.email, ...users.map((u) => u.email)]
    .filter((e): e is string => !!e)
    .map((e) => e.toLowerCase());
  const [
    aliases,
    memberships,
    representations,
    attendance,
    itemsRaised,
    itemsPresented,
    actions,
    themes,
    submitted,
    pollAnswers,
    noteTaker,
  ] = await Promise.all([
    rows(sql`SELECT alias FROM person_aliases WHERE person_id = ${id} ORDER BY alias`),
    rows(sql`SELECT n.name AS network, m.role, k.name AS municipality, m.from_date AS "from", m.to_date AS "to", m.note
      FROM memberships m JOIN networks n ON n.id = m.network_id LEFT JOIN municipalities k ON k.id = m.municipality_id
      WHERE m.person_id = ${id} ORDER BY m.from_date NULLS FIRST, m.id`),
    rows(sql`SELECT r.body, n.name AS network, k.name AS municipality, r.from_date AS "from", r.to_date AS "to", r.note
      FROM representations r LEFT JOIN networks n ON n.id = r.network_id
      LEFT JOIN municipalities k ON k.id = r.municipality_id WHERE r.person_id = ${id} ORDER BY r.id`),
    rows(sql`SELECT mt.id AS "meetingId", mt.date, n.name AS network, a.status, k.name AS municipality,
        a.role_text AS "roleText", a.is_chair AS "isChair", a.apology_at AS "apologyAt",
        a.apology_note AS "apologyNote"
      FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id JOIN networks n ON n.id = mt.network_id
      LEFT JOIN municipalities k ON k.id = a.municipality_id WHERE a.person_id = ${id} ORDER BY mt.date, mt.id`),
    rows(sql`SELECT i.meeting_id AS "meetingId", i.title, r.name AS "writtenAs"
      FROM item_raisers r JOIN agenda_items i ON i.id = r.item_id WHERE r.person_id = ${id} ORDER BY i.id`),
    rows(sql`SELECT meeting_id AS "meetingId", title FROM agenda_items WHERE presenter_id = ${id} ORDER BY id`),
    rows(sql`SELECT a.id, a.text, a.status, a.due_date AS "dueDate", n.name AS network, aa.name AS "writtenAs"
      FROM action_assignees aa JOIN actions a ON a.id = aa.action_id JOIN networks n ON n.id = a.network_id
      WHERE aa.person_id = ${id} ORDER BY a.id`),
    rows(sql`SELECT t.title, p.year, n.name AS network FROM theme_owners o JOIN themes t ON t.id = o.theme_id
      JOIN plans p ON p.id = t.plan_id JOIN networks n ON n.id = p.network_id WHERE o.person_id = ${id}`),
    rows(sql`SELECT s.title, s.body, s.status, s.created_at AS "createdAt", n.name AS network
      FROM submitted_items s JOIN networks n ON n.id = s.network_id WHERE s.person_id = ${id} ORDER BY s.id`),
    rows(sql`SELECT o.date, a.answer, a.answered_at AS "answeredAt", dp.title AS poll
      FROM date_poll_answers a JOIN date_poll_options o ON o.id = a.option_id JOIN date_polls dp ON dp.id = o.poll_id
      WHERE a.person_id = ${id} ORDER BY o.date`),
    rows(
      sql`SELECT id AS "meetingId", date FROM meetings WHERE note_taker_id = ${id} OR approved_by = ${id} ORDER BY date`,
    ),
  ]);
  const none = sql`false`;
  const inUsers = (col: string) => (userIds.length ? sql`${sql.ref(col)} IN (${sql.join(userIds)})` : none);
  const [sessions, tokens, mail, auditBy, auditAbout] = await Promise.all([
    rows(sql`SELECT created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"
      FROM sessions WHERE ${inUsers("user_id")} ORDER BY created_at`),
    rows(sql`SELECT purpose, created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
      FROM tokens WHERE ${inUsers("user_id")} OR person_id = ${id} ORDER BY created_at`),
    emails.length
      ? rows<{ subject: string; bodyText: string; status: string; createdAt: Date; sentAt: Date | null }>(
          sql`SELECT subject, body_text AS "bodyText", status, created_at AS "createdAt", sent_at AS "sentAt"
          FROM outbox WHERE lower(recipient) IN (${sql.join(emails)}) ORDER BY id`,
        )
      : Promise.resolve([]),
    rows(sql`SELECT at, action, object_type AS "objectType", object_id AS "objectId", before, after
      FROM audit_log WHERE ${inUsers("user_id")} ORDER BY id`),
    rows(sql`SELECT at, actor, action, object_type AS "objectType", object_id AS "objectId", before, after
      FROM audit_log WHERE (object_type = 'person' AND object_id = ${String(id)})
        OR (object_type = 'user' AND ${userIds.length ? sql`object_id IN (${sql.join(userIds.map(String))})` : none})
      ORDER BY id`),
  ]);
  const exportedAt = (opts.now ?? new Date()).toISOString();
  await recordAudit(tx, { actor: opts.actor, action: "person.export", objectType: "person", objectId: id });
  return {
    format: "samrad-person-export/1",
    exportedAt,
    exportedBy: opts.actor.label,
    person: { ...person, aliases: aliases.map((a) => (a as { alias: string }).alias) },
    memberships,
    representations,
    attendance,
    itemsRaised,
    itemsPresented,
    actions,
    themesOwned: themes,
    submittedItems: submitted,
    pollAnswers,
    meetingsAsNoteTakerOrApprover: noteTaker,
    accounts: users.map((u) => ({ ...u, sessions, signInLinks: tokens })),
    mail: mail.map((m) => ({ ...m, bodyText: redactLinks(m.bodyText) })),
    auditEntriesByThem: auditBy,
    auditEntriesAboutThem: auditAbout,
  };
}
