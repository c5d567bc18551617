import type { Tx } from "../db/client.js";
import { type ImportDraftRow, type ImportDraftSummary, listImportDraftsOf } from "../db/queries/import-drafts.js";
import { listNetworkAttendees, listPeopleByFirstNames, listPeopleByIds } from "../db/queries/imports.js";
import type { Actor } from "../domain/permissions.js";
import { matchPerson, type StoredPerson } from "../importers/names.js";
import type { ImportedMeeting } from "../importers/schema.js";
import { fold } from "../importers/text.js";
import { type ImportNetwork, mayCreateNetwork, networkNamed, ownDraft, requireImporter } from "./importDraftAccess.js";

/** The import page: the actor's drafts and where they may import. */
export type ImportListData = { drafts: ImportDraftSummary[]; networks: ImportNetwork[]; canCreateNetwork: boolean };

/** What storing would make of one roster entry, for the review. */
export type AttendeeResolution =
  | { kind: "chosen"; person: StoredPerson }
  | { kind: "match"; person: StoredPerson; exact: boolean }
  | { kind: "ambiguous"; candidates: StoredPerson[] }
  | { kind: "new"; forced: boolean };

/** The review page: the draft, its source text, the resolution of each roster entry and the choices. */
export type ImportReviewData = {
  draft: Omit<ImportDraftRow, "draft" | "warnings">;
  meeting: ImportedMeeting;
  warnings: string[];
  networks: ImportNetwork[];
  canCreateNetwork: boolean;
  /** the existing network the document's name means, when there is one */
  namedNetwork: ImportNetwork | null;
  resolutions: AttendeeResolution[];
  /** stored people offered for each entry (same first name, and any chosen or candidate) */
  choices: StoredPerson[][];
};

/** The actor's drafts, newest first, and the networks they may import into. */
export async function getImportList(tx: Tx, opts: { actor: Actor }): Promise<ImportListData> {
  const networks = await requireImporter(tx, opts.actor);
  return {
    drafts: await listImportDraftsOf(tx, opts.actor.userId as number),
    networks,
    canCreateNetwork: mayCreateNetwork(opts.actor),
  };
}

const firstName = (name: string) => fold(name).split(" ")[0] ?? "";

/**
 * How the roster would be stored now, as importMinutes decides it: a reviewer's choice, else a
 * match by name, alias and municipality (namesakes told apart by earlier attendance in the
 * network), else a new person.
 */
export async function resolveRoster(
  tx: Tx,
  meeting: ImportedMeeting,
  networkId: number | null,
): Promise<{ resolutions: AttendeeResolution[]; choices: StoredPerson[][] }> {
  const names = meeting.attendees.flatMap((a) => [a.name, ...(a.alsoWrittenAs ?? [])]);
  const stored: StoredPerson[] = await listPeopleByFirstNames(tx, [...new Set(names.map(firstName).filter(Boolean))]);
  const chosenIds = meeting.attendees.flatMap((a) => (typeof a.person === "number" ? [a.person] : []));
  stored.push(
    ...(await listPeopleByIds(
      tx,
      chosenIds.filter((id) => !stored.some((p) => p.id === id)),
    )),
  );
  const resolutions: AttendeeResolution[] = [];
  const choices: StoredPerson[][] = [];
  for (const a of meeting.attendees) {
    let r: AttendeeResolution;
    const picked = typeof a.person === "number" ? stored.find((p) => p.id === a.person) : undefined;
    if (picked) r = { kind: "chosen", person: picked };
    else if (a.person === "new") r = { kind: "new", forced: true };
    else {
      let match = matchPerson(a.name, a.municipality, stored);
      if (match.kind === "ambiguous" && networkId !== null) {
        const regulars = await listNetworkAttendees(
          tx,
          networkId,
          match.candidates.map((c) => c.id),
        );
        const only = match.candidates.filter((c) => regulars.has(c.id));
        if (only.length === 1) match = { kind: "match", person: only[0] as StoredPerson, exact: true };
      }
      r =
        match.kind === "match"
          ? { kind: "match", person: match.person, exact: match.exact }
          : match.kind === "ambiguous"
            ? { kind: "ambiguous", candidates: match.candidates }
            : { kind: "new", forced: false };
    }
    resolutions.push(r);
    const first = firstName(a.name);
    const offered = new Map<number, StoredPerson>();
    if (r.kind === "chosen" || r.kind === "match") offered.set(r.person.id, r.person);
    if (r.kind === "ambiguous") for (const c of r.candidates) offered.set(c.id, c);
    for (const p of stored) {
      if (offered.size >= 20) break;
      if (p.id > 0 && [p.name, ...p.aliases].some((s) => firstName(s) === first)) offered.set(p.id, p);
    }
    choices.push([...offered.values()]);
  }
  return { resolutions, choices };
}

/** One draft for review (its uploader or an admin). */
export async function getImportReview(tx: Tx, opts: { actor: Actor; draftId: number }): Promise<ImportReviewData> {
  const networks = await requireImporter(tx, opts.actor);
  const { row, meeting } = await ownDraft(tx, opts.actor, opts.draftId);
  const named = await networkNamed(tx, meeting.network);
  const { resolutions, choices } = await resolveRoster(tx, meeting, row.networkId ?? named?.id ?? null);
  const { draft: _draft, warnings, ...rest } = row;
  return {
    draft: rest,
    meeting,
    warnings: Array.isArray(warnings) ? (warnings as string[]) : [],
    networks,
    canCreateNetwork: mayCreateNetwork(opts.actor),
    namedNetwork: named ?? null,
    resolutions,
    choices,
  };
}
