import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { draftBytes, setImportDraftStatus } from "../db/queries/import-drafts.js";
import { type Actor, allows } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { authorize, networkRolesOf } from "./authorize.js";
import { mayCreateNetwork, networkNamed, ownDraft, requireImporter } from "./importDraftAccess.js";
import { type ImportOutcome, importMinutes } from "./importMinutes.js";

/**
 * Stores a reviewed draft through importMinutes, the command the CLI uses, in the caller's
 * transaction: into the chosen network (one the actor imports into), or the network the document
 * names (a new one only for admins). A draft is stored once; the same bytes stored before answer
 * "unchanged"; a meeting changed in Samråd since is not overwritten (a conflict, nothing stored).
 */
export async function saveImportDraft(
  tx: Tx,
  opts: { actor: Actor; draftId: number },
): Promise<ImportOutcome & { meetingId: number }> {
  const { actor } = opts;
  await requireImporter(tx, actor);
  const { row, meeting } = await ownDraft(tx, actor, opts.draftId, { lock: true });
  if (row.status === "saved") throw new AppError("conflict", "Utkastet är redan sparat och kan inte sparas igen.");
  if (row.status === "discarded") throw new AppError("conflict", "Utkastet är kastat och kan inte sparas.");

  let networkName: string;
  if (row.networkId !== null) {
    await authorize(tx, actor, "import.run", { networkId: row.networkId });
    networkName = row.networkName as string;
  } else {
    const named = meeting.network?.trim();
    if (!named) throw new AppError("bad_request", "Välj vilket nätverk mötet hör till.", { where: "network_id" });
    const existing = await networkNamed(tx, named);
    if (existing) {
      if (!allows(actor, await networkRolesOf(tx, actor, existing.id), "import.run")) {
        throw new AppError(
          "bad_request",
          `Du importerar inte till ${existing.name}, som dokumentet nämner; välj ett av dina nätverk.`,
          { where: "network_id" },
        );
      }
    } else if (!mayCreateNetwork(actor)) {
      throw new AppError(
        "bad_request",
        `Nätverket ”${named}” finns inte. Bara sekretariatet kan skapa nätverk; välj ett av dina nätverk.`,
        { where: "network_id" },
      );
    }
    networkName = existing?.name ?? named;
  }
  if (!meeting.date) {
    throw new AppError("bad_request", "Ange mötets datum innan utkastet sparas.", { where: "date" });
  }

  const outcome = await importMinutes(tx, {
    meeting,
    source: { filename: row.filename, bytes: await draftBytes(tx, row.id), text: row.source },
    networkName,
    actor,
  });
  if (outcome.status === "kept" || outcome.meetingId === null) {
    throw new AppError("conflict", `Utkastet sparades inte: ${outcome.notes.join("; ") || "mötet finns redan"}.`);
  }
  if (outcome.status === "unchanged") {
    // The same bytes were imported before, perhaps into a network this actor does not import into.
    const earlier = await tx
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["m.network_id as networkId", "n.name"])
      .where("m.id", "=", outcome.meetingId)
      .executeTakeFirstOrThrow();
    const allowed = await networkRolesOf(tx, actor, earlier.networkId);
    if (!allows(actor, allowed, "import.run")) {
      throw new AppError(
        "conflict",
        `Dokumentet är redan importerat till ${earlier.name}, som du inte importerar till.`,
      );
    }
  }
  await setImportDraftStatus(tx, row.id, "saved", outcome.meetingId);
  await recordAudit(tx, {
    actor,
    action: "import_draft.save",
    objectType: "import_draft",
    objectId: row.id,
    after: { status: outcome.status, meeting_id: outcome.meetingId, network: outcome.network.name },
  });
  return { ...outcome, meetingId: outcome.meetingId };
}
