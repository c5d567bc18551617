import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { updateImportDraftContent } from "../db/queries/import-drafts.js";
import type { AttendeeCorrection, DraftCorrections } from "../domain/import-corrections.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { type Attendee, type ImportedMeeting, ImportedMeetingSchema } from "../importers/schema.js";
import { authorize } from "./authorize.js";
import { mayCreateNetwork, networkNamed, ownDraft, requireImporter } from "./importDraftAccess.js";

// What the audit log keeps of a draft: what the review can change (item titles, not their notes).
const summary = (m: ImportedMeeting) => ({
  network: m.network,
  date: m.date,
  startTime: m.startTime,
  endTime: m.endTime,
  location: m.location,
  noteTaker: m.noteTaker,
  attendees: m.attendees,
  itemTitles: m.items.map((i) => i.title),
});

/** Only the fields that changed, before and after. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

const bad = (message: string, where: string) => new AppError("bad_request", message, { where });

/** The roster after merges: each merged entry's spellings go to the entry it was merged into. */
export function applyRosterCorrections(current: Attendee[], corrections: AttendeeCorrection[]): Attendee[] {
  if (corrections.length !== current.length) {
    throw bad("Deltagarlistan har ändrats sedan sidan lästes in; ladda om sidan.", "attendees");
  }
  // Follow merges to the entry that stays; a chain (a → b → c) ends at c, a loop is an error.
  const root = (k: number): number => {
    const seen = new Set<number>();
    let at = k;
    for (;;) {
      const next = corrections[at]?.mergeInto ?? null;
      if (next === null) return at;
      if (next < 0 || next >= corrections.length || next === at) {
        throw bad("Välj en annan deltagare att slå ihop med.", `a_${k}_merge`);
      }
      if (seen.has(next)) throw bad("Sammanslagningarna går i cirkel; välj om.", `a_${k}_merge`);
      seen.add(at);
      at = next;
    }
  };
  const kept = new Map<number, Attendee>();
  corrections.forEach((c, k) => {
    if (c.mergeInto !== null) return;
    const before = current[k] as Attendee;
    const name = c.name.trim();
    if (!name) throw bad("Skriv deltagarens namn.", `a_${k}_name`);
    const a: Attendee = {
      name,
      status: c.status,
      municipality: c.municipality?.trim() || null,
      role: c.role?.trim() || null,
      chair: c.chair,
    };
    if (c.person !== "auto") a.person = c.person;
    const spellings = (before.alsoWrittenAs ?? []).filter((w) => w !== name);
    if (before.name !== name) spellings.push(before.name);
    if (spellings.length) a.alsoWrittenAs = [...new Set(spellings)];
    kept.set(k, a);
  });
  corrections.forEach((c, k) => {
    if (c.mergeInto === null) return;
    const target = kept.get(root(k)) as Attendee;
    const before = current[k] as Attendee;
    const spellings = [c.name.trim() || before.name, before.name, ...(before.alsoWrittenAs ?? [])];
    target.alsoWrittenAs = [
      ...new Set([...(target.alsoWrittenAs ?? []), ...spellings.filter((w) => w && w !== target.name)]),
    ];
    // Someone present under either spelling was present.
    if (target.status !== "present" && c.status === "present") target.status = "present";
    target.municipality ??= c.municipality?.trim() || null;
  });
  return [...kept.values()];
}

/**
 * Saves a reviewer's corrections to a draft: network, date and times, place, note taker, each
 * roster entry (name, municipality, status, role, which person it is), merged entries and item
 * titles. The draft is checked as a whole; nothing is stored in the meeting tables yet.
 */
export async function updateImportDraft(
  tx: Tx,
  opts: { actor: Actor; draftId: number; corrections: DraftCorrections },
): Promise<void> {
  const { actor, corrections: c } = opts;
  await requireImporter(tx, actor);
  const { row, meeting } = await ownDraft(tx, actor, opts.draftId, { lock: true });
  if (row.status !== "draft") {
    throw new AppError("conflict", row.status === "saved" ? "Utkastet är redan sparat." : "Utkastet är kastat.");
  }
  let networkId = c.networkId;
  let networkName = meeting.network;
  if (networkId !== null) {
    await authorize(tx, actor, "import.run", { networkId });
  } else if (c.networkName?.trim()) {
    networkName = c.networkName.trim().slice(0, 200);
    const existing = await networkNamed(tx, networkName);
    if (existing) {
      await authorize(tx, actor, "import.run", { networkId: existing.id });
      networkId = existing.id;
    } else if (!mayCreateNetwork(actor)) {
      throw bad(
        `Nätverket ”${networkName}” finns inte. Bara sekretariatet kan skapa nätverk; välj ett av dina nätverk.`,
        "network_id",
      );
    }
  }
  if (c.itemTitles.length !== meeting.items.length) {
    throw bad("Punkterna har ändrats sedan sidan lästes in; ladda om sidan.", "items");
  }
  const titles = c.itemTitles.map((t, k) => {
    const title = t.trim();
    if (!title) throw bad("Skriv punktens rubrik.", `item_${k}_title`);
    return title.slice(0, 300);
  });
  const next: ImportedMeeting = {
    ...meeting,
    network: networkName,
    date: c.date,
    startTime: c.startTime,
    endTime: c.endTime,
    location: c.location?.trim() || null,
    noteTaker: c.noteTaker?.trim() || null,
    attendees: applyRosterCorrections(meeting.attendees, c.attendees),
    items: meeting.items.map((item, k) => ({ ...item, title: titles[k] as string })),
  };
  const checked = ImportedMeetingSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw bad(`Utkastet är ogiltigt: ${issue?.message ?? "okänt fel"}.`, issue?.path.join(".") || "_form");
  }
  await updateImportDraftContent(tx, row.id, { draft: checked.data, networkId });
  await recordAudit(tx, {
    actor,
    action: "import_draft.update",
    objectType: "import_draft",
    objectId: row.id,
    ...changes({ network_id: row.networkId, ...summary(meeting) }, { network_id: networkId, ...summary(checked.data) }),
  });
}
