import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { NetworkInput } from "../domain/network-input.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { authorize } from "./authorize.js";
import { checkNetworkName } from "./createNetwork.js";
import { networkBase, networkDetailsOf } from "./networkDetails.js";
import { networkToManage } from "./networkRules.js";

/**
 * Changes a network's name, kind, parent, status (active, dormant, closed) and purpose. Moving
 * it under another network needs the right to manage that one too, and never under itself.
 */
export async function updateNetwork(tx: Tx, opts: { actor: Actor; networkId: number; input: NetworkInput }) {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const { input } = opts;
  if (input.base !== undefined && input.base !== networkBase(network)) {
    throw new AppError(
      "conflict",
      "Någon annan har ändrat nätverket sedan du öppnade formuläret. Det du skrev finns kvar; jämför med det sparade och spara igen.",
      { details: { current: networkDetailsOf(network) } },
    );
  }
  await checkNetworkName(tx, input.name, network.id);
  const parentId = input.parent_id ?? null;
  if (parentId !== network.parent_id) {
    if (parentId === null) await authorize(tx, opts.actor, "network.create");
    else {
      const below = await sql<{ id: number }>`
        WITH RECURSIVE below AS (
          SELECT id FROM networks WHERE id = ${network.id}
          UNION SELECT n.id FROM networks n JOIN below b ON n.parent_id = b.id
        ) SELECT id FROM below WHERE id = ${parentId}`.execute(tx);
      if (below.rows.length > 0) {
        throw new AppError("bad_request", "Ett nätverk kan inte ligga under sig självt eller sina egna undernätverk.", {
          where: "parent_id",
        });
      }
      await authorize(tx, opts.actor, "network.manage", { networkId: parentId });
    }
  }
  const after = {
    name: input.name,
    kind: input.kind,
    parent_id: parentId,
    status: input.status,
    purpose: input.purpose,
  };
  await tx
    .updateTable("networks")
    .set({ ...after, updated_at: new Date() })
    .where("id", "=", network.id)
    .execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "network.update",
    objectType: "network",
    objectId: network.id,
    before: networkDetailsOf(network),
    after,
  });
}
