import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { NetworkInput } from "../domain/network-input.js";
import type { Actor } from "../domain/permissions.js";
import { slugify } from "../domain/slug.js";
import { AppError } from "../errors.js";
import { authorize } from "./authorize.js";

// Paths under /natverk/ that pages use, so no network may take them as its slug.
const RESERVED_SLUGS = new Set(["nytt", "kontakter"]);

/** A slug for a new network that no other network (or page) uses. */
export async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (RESERVED_SLUGS.has(slug)) continue;
    const taken = await tx.selectFrom("networks").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!taken) return slug;
  }
}

/** Refuses a name another network already has (names are unique regardless of case). */
export async function checkNetworkName(tx: Tx, name: string, exceptId?: number): Promise<void> {
  const other = await tx
    .selectFrom("networks")
    .select("id")
    .where(sql`lower(name)`, "=", name.toLowerCase())
    .where("id", "<>", exceptId ?? 0)
    .executeTakeFirst();
  if (other) throw new AppError("bad_request", `Det finns redan ett nätverk som heter ${name}.`, { where: "name" });
}

/**
 * Creates a network, sub-network or working group. Top-level networks are the secretariat's
 * (network.create); a sub-network needs network.manage in the network it belongs to.
 */
export async function createNetwork(
  tx: Tx,
  opts: { actor: Actor; input: NetworkInput },
): Promise<{ networkId: number; slug: string }> {
  const { input } = opts;
  if (input.parent_id !== undefined) {
    const parent = await tx.selectFrom("networks").select("id").where("id", "=", input.parent_id).executeTakeFirst();
    if (!parent) throw new AppError("bad_request", "Det valda nätverket finns inte.", { where: "parent_id" });
    await authorize(tx, opts.actor, "network.manage", { networkId: parent.id });
  } else {
    await authorize(tx, opts.actor, "network.create");
  }
  await checkNetworkName(tx, input.name);
  const slug = await uniqueSlug(tx, input.name);
  const row = await tx
    .insertInto("networks")
    .values({
      name: input.name,
      slug,
      kind: input.kind,
      parent_id: input.parent_id ?? null,
      status: input.status,
      purpose: input.purpose,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "network.create",
    objectType: "network",
    objectId: row.id,
    after: { ...input, slug, base: undefined },
  });
  return { networkId: row.id, slug };
}
