import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { swedishList } from "../domain/report.js";
import { AppError } from "../errors.js";

/**
 * Checks that every chosen person is a member of the network on the day (theme owners and those
 * preparing a theme must be); names the ones who are not, so the coordinator can pick again.
 */
export async function requireCurrentMembers(
  tx: Tx,
  opts: { networkId: number; personIds: number[]; day: string; field: string },
): Promise<void> {
  const members = new Set((await listMembersOn(tx, opts.networkId, opts.day)).map((m) => m.personId));
  const outside = [...new Set(opts.personIds)].filter((id) => !members.has(id));
  if (outside.length === 0) return;
  const people = await tx.selectFrom("people").select("name").where("id", "in", outside).orderBy("name").execute();
  const names = people.map((p) => p.name);
  throw new AppError(
    "bad_request",
    names.length === 0
      ? "Välj ansvariga bland nätverkets nuvarande medlemmar."
      : `${swedishList(names)} ${names.length === 1 ? "är inte" : "är inte längre"} medlem i nätverket och kan inte vara ansvarig. Välj bland de nuvarande medlemmarna.`,
    { where: opts.field },
  );
}

/** The network's plan for the year, created empty when it does not exist yet; returns its id. */
export async function ensurePlan(
  tx: Tx,
  opts: { networkId: number; year: number; personId: number | null },
): Promise<{ id: number; created: boolean }> {
  const inserted = await tx
    .insertInto("plans")
    .values({ network_id: opts.networkId, year: opts.year, created_by: opts.personId, updated_by: opts.personId })
    .onConflict((oc) => oc.columns(["network_id", "year"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const row = await tx
    .selectFrom("plans")
    .select("id")
    .where("network_id", "=", opts.networkId)
    .where("year", "=", opts.year)
    .executeTakeFirstOrThrow();
  return { id: row.id, created: false };
}

/** Replaces a theme's responsible members. */
export async function setThemeOwners(tx: Tx, themeId: number, personIds: number[]): Promise<void> {
  await tx.deleteFrom("theme_owners").where("theme_id", "=", themeId).execute();
  const unique = [...new Set(personIds)];
  if (unique.length > 0) {
    await tx
      .insertInto("theme_owners")
      .values(unique.map((person_id) => ({ theme_id: themeId, person_id })))
      .execute();
  }
}
