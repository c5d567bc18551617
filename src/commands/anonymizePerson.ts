import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { countEnabledAdmins } from "../db/queries/users.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { requireAdmin } from "./authorize.js";

/** Free-text columns where a person's name can have been written. */
const TEXT_COLUMNS: [table: string, column: string][] = [
  ["agenda_items", "title"],
  ["agenda_items", "notes"],
  ["decisions", "text"],
  ["actions", "text"],
  ["round_notes", "notes"],
  ["item_raisers", "name"],
  ["action_assignees", "name"],
  ["meetings", "title"],
  ["meetings", "note_taker_name"],
  ["meetings", "cancelled_reason"],
  ["attendance", "apology_note"],
  ["submitted_items", "title"],
  ["submitted_items", "body"],
  ["submitted_items", "deferred_reason"],
  ["date_polls", "description"],
  ["themes", "title"],
  ["themes", "description"],
  ["plans", "purpose"],
  ["plans", "goals"],
  ["plans", "organisation"],
  ["memberships", "note"],
  ["representations", "note"],
  ["standing_items", "title"],
  ["networks", "purpose"],
  ["source_documents", "text"],
];

/** The name an anonymized person is shown with. */
export const anonymizedName = (personId: number) => `Anonymiserad person ${personId}`;

/**
 * Anonymizes a person who has left (GDPR art. 17): their name and its known spellings are replaced
 * in every text Samråd holds, minutes and earlier minutes versions included; contact details go;
 * their account is disabled and signed out. Role and municipality stay, so historical minutes still
 * say "a chief from Bjuv was present". Recorded in the audit log without the name. The audit log
 * itself is append-only and keeps what earlier entries said.
 */
export async function anonymizePerson(tx: Tx, opts: { actor: Actor; personId: number }) {
  requireAdmin(opts.actor);
  const person = await tx
    .selectFrom("people")
    .select(["id", "name", "municipality_id", "anonymized_at"])
    .where("id", "=", opts.personId)
    .executeTakeFirst();
  if (!person) throw notFound("Personen");
  if (person.anonymized_at) throw new AppError("conflict", "Personen är redan anonymiserad.");
  const replacement = anonymizedName(person.id);
  const aliases = await tx.selectFrom("person_aliases").select("alias").where("person_id", "=", person.id).execute();
  // Longest first, so "Anna Berg" is replaced before a shorter spelling inside it; very short
  // spellings would hit unrelated words and are left to a person to check.
  const names = [...new Set([person.name, ...aliases.map((a) => a.alias)].map((n) => n.trim()))]
    .filter((n) => n.length >= 4)
    .sort((a, b) => b.length - a.length);
  const replaced: Record<string, number> = {};
  for (const name of names) {
    for (const [table, column] of TEXT_COLUMNS) {
      const col = sql.ref(column);
      const result = await sql`UPDATE ${sql.table(table)} SET ${col} = replace(${col}, ${name}, ${replacement})
        WHERE strpos(${col}, ${name}) > 0`.execute(tx);
      const n = Number(result.numAffectedRows ?? 0);
      if (n > 0) replaced[`${table}.${column}`] = (replaced[`${table}.${column}`] ?? 0) + n;
    }
    // Earlier versions of approved minutes are JSON snapshots: replace the name as JSON writes it.
    const asJson = JSON.stringify(name).slice(1, -1);
    const result = await sql`UPDATE minutes_versions
      SET snapshot = replace(snapshot::text, ${asJson}, ${replacement})::jsonb
      WHERE strpos(snapshot::text, ${asJson}) > 0`.execute(tx);
    const n = Number(result.numAffectedRows ?? 0);
    if (n > 0) replaced["minutes_versions.snapshot"] = (replaced["minutes_versions.snapshot"] ?? 0) + n;
  }
  // Where the name was linked rather than written, the link now shows the new name.
  await tx.updateTable("item_raisers").set({ name: replacement }).where("person_id", "=", person.id).execute();
  await tx.updateTable("action_assignees").set({ name: replacement }).where("person_id", "=", person.id).execute();
  await tx.deleteFrom("person_aliases").where("person_id", "=", person.id).execute();
  // Their own words with a förhinder can say why (illness, family): they go, the excused status stays.
  await tx.updateTable("attendance").set({ apology_note: null }).where("person_id", "=", person.id).execute();
  await tx
    .updateTable("people")
    .set({
      name: replacement,
      email: null,
      phone: null,
      title: null,
      anonymized_at: new Date(),
      updated_at: new Date(),
    })
    .where("id", "=", person.id)
    .execute();
  const users = await tx
    .selectFrom("users")
    .select(["id", "is_admin", "disabled_at"])
    .where("person_id", "=", person.id)
    .execute();
  const adminsLost = users.filter((u) => u.is_admin && u.disabled_at === null).length;
  if (adminsLost > 0 && (await countEnabledAdmins(tx)) <= adminsLost) {
    throw new AppError("conflict", "Personen är den enda administratören. Gör någon annan till administratör först.");
  }
  for (const u of users) {
    await tx.deleteFrom("sessions").where("user_id", "=", u.id).execute();
    await tx.deleteFrom("tokens").where("user_id", "=", u.id).execute();
    await tx
      .updateTable("users")
      .set({
        email: `anonymiserad-${u.id}@samrad.invalid`,
        password_hash: null,
        oidc_subject: null,
        is_admin: false,
        disabled_at: new Date(),
      })
      .where("id", "=", u.id)
      .execute();
  }
  await tx.deleteFrom("tokens").where("person_id", "=", person.id).execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "person.anonymize",
    objectType: "person",
    objectId: person.id,
    before: { municipalityId: person.municipality_id, accounts: users.map((u) => u.id) },
    after: { name: replacement, replaced },
  });
  return { name: replacement, replaced, accountsDisabled: users.length };
}
