import { z } from "zod";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { deleteSessionsOfUser } from "../db/queries/sessions.js";
import { countEnabledAdmins, findUserById } from "../db/queries/users.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { requireAdmin } from "./authorize.js";

/** The admin form for one account: admin or not, disabled or not. */
export const UserUpdateInput = z.object({
  isAdmin: z.boolean(),
  disabled: z.boolean(),
});

/**
 * Makes an account admin or not and disables or enables it (a disabled account's sessions end at
 * once). The last enabled admin cannot be removed, so the secretariat never locks itself out.
 */
export async function updateUser(
  tx: Tx,
  opts: { actor: Actor; userId: number; change: z.infer<typeof UserUpdateInput> },
): Promise<void> {
  requireAdmin(opts.actor);
  const user = await findUserById(tx, opts.userId);
  if (!user) throw notFound("Kontot");
  const before = { isAdmin: user.isAdmin, disabled: user.disabledAt !== null };
  const after = opts.change;
  if (before.isAdmin === after.isAdmin && before.disabled === after.disabled) return;
  const losesAdmin = before.isAdmin && !before.disabled && (!after.isAdmin || after.disabled);
  if (losesAdmin && (await countEnabledAdmins(tx)) <= 1) {
    throw new AppError("conflict", "Det måste finnas minst en administratör som kan logga in.", { where: "isAdmin" });
  }
  await tx
    .updateTable("users")
    .set({
      is_admin: after.isAdmin,
      disabled_at: after.disabled ? (user.disabledAt ?? new Date()) : null,
    })
    .where("id", "=", user.id)
    .execute();
  if (after.disabled) await deleteSessionsOfUser(tx, user.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "user.update",
    objectType: "user",
    objectId: user.id,
    before,
    after,
  });
}
