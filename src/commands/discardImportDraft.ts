import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { setImportDraftStatus } from "../db/queries/import-drafts.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { ownDraft, requireImporter } from "./importDraftAccess.js";

/** Discards a draft that was not saved: it leaves the list and can no longer be saved. */
export async function discardImportDraft(tx: Tx, opts: { actor: Actor; draftId: number }): Promise<void> {
  await requireImporter(tx, opts.actor);
  const { row } = await ownDraft(tx, opts.actor, opts.draftId, { lock: true });
  if (row.status === "saved") throw new AppError("conflict", "Utkastet är redan sparat; ändra mötet i stället.");
  if (row.status === "discarded") return;
  await setImportDraftStatus(tx, row.id, "discarded");
  await recordAudit(tx, {
    actor: opts.actor,
    action: "import_draft.discard",
    objectType: "import_draft",
    objectId: row.id,
    before: { status: row.status, filename: row.filename },
  });
}
