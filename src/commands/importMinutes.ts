import { createHash } from "node:crypto";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import {
  type AttendanceRow,
  addAliases,
  clearMeetingContent,
  countHandledActions,
  extendInferredMemberships,
  findImportedDocument,
  findMeetingsOn,
  insertActions,
  insertAttendance,
  insertDecisions,
  insertImportedMeeting,
  insertItemRaisers,
  insertItems,
  insertMinutesVersion,
  insertMunicipality,
  insertNetwork,
  insertPeople,
  insertSourceDocument,
  listAttendeeIds,
  listDecisionNumbers,
  listMunicipalities,
  listNetworkAttendees,
  listNetworkNames,
  listPeopleByFirstNames,
  listPeopleByIds,
  lockNetwork,
  type MeetingFields,
  nextDecisionNumber,
  recomputeInferredMemberships,
  setMunicipalitiesIfMissing,
  snapshotMinutes,
  updateImportedMeeting,
} from "../db/queries/imports.js";
import { type Actor, SYSTEM } from "../domain/permissions.js";
import { slugify } from "../domain/slug.js";
import { AppError } from "../errors.js";
import { SWEDISH_MUNICIPALITIES } from "../importers/lexicon.js";
import { matchPerson, type StoredPerson } from "../importers/names.js";
import { type ImportedMeeting, ImportedMeetingSchema } from "../importers/schema.js";
import { fold } from "../importers/text.js";

/** The document a meeting was read from. */
export type ImportSource = { filename: string; bytes: Uint8Array; text?: string | null };

/** What importMinutes did with one document. */
export type ImportOutcome = {
  /**
   * created: a new meeting; replaced: an earlier import of the same meeting got this document's
   * content (the old one is kept as a minutes version); unchanged: these exact bytes were imported
   * before; kept: the meeting was changed in Samråd, so the document was not applied.
   */
  status: "created" | "replaced" | "unchanged" | "kept";
  meetingId: number | null;
  network: { id: number; name: string; created: boolean };
  people: { created: number; matched: number };
  /** What the person running the import should look at. */
  notes: string[];
};

const CONTENT_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown",
  markdown: "text/markdown",
  txt: "text/plain",
};

const firstName = (name: string) => fold(name).split(" ")[0] ?? "";
/** A network name reduced to letters and digits: "Socialchefs nätverket" and "Socialchefsnätverket" are one. */
export const networkKey = (name: string) => fold(name).replace(/[^a-z0-9]+/g, "");

async function findOrCreateNetwork(tx: Tx, name: string): Promise<ImportOutcome["network"]> {
  const networks = await listNetworkNames(tx);
  const key = networkKey(name);
  const existing = networks.find((n) => networkKey(n.name) === key);
  if (existing) return { id: existing.id, name: existing.name, created: false };
  const base = slugify(name);
  const taken = new Set(networks.map((n) => n.slug));
  let slug = base;
  for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
  return { id: await insertNetwork(tx, name, slug), name, created: true };
}

/**
 * Stores one read minutes document: network (created when new), people (matched to those already
 * stored by name, alias and municipality; new spellings kept as aliases; ambiguous names get a new
 * person and a note, never a guessed merge), the meeting with attendance, items, raisers, numbered
 * decisions and actions, the inferred memberships, and the original document. Importing the same
 * bytes again changes nothing; a different document for the same network and date replaces an
 * earlier import unless the meeting was changed in Samråd. Runs inside the caller's transaction.
 * A roster entry a reviewer settled (`person`: a stored id or "new"; `alsoWrittenAs`: merged
 * spellings) is taken as given instead of matched. `actor` is recorded in the audit log (the CLI: system).
 */
export async function importMinutes(
  tx: Tx,
  opts: { meeting: ImportedMeeting; source: ImportSource; networkName?: string; actor?: Actor },
): Promise<ImportOutcome> {
  const meeting = ImportedMeetingSchema.parse(opts.meeting);
  const { filename, bytes } = opts.source;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const notes: string[] = [];

  const networkName = (opts.networkName ?? meeting.network ?? "").trim();
  if (!networkName) {
    throw new AppError("bad_request", "Dokumentet namnger inget nätverk; ange vilket med --network.", {
      where: filename,
    });
  }
  if (!meeting.date) {
    throw new AppError("bad_request", "Dokumentet saknar mötets datum och kan inte sparas.", {
      where: filename,
    });
  }
  const date = meeting.date;

  const already = await findImportedDocument(tx, sha256);
  if (already?.meetingId) {
    return {
      status: "unchanged",
      meetingId: already.meetingId,
      network: { id: already.networkId as number, name: networkName, created: false },
      people: { created: 0, matched: 0 },
      notes,
    };
  }

  const network = await findOrCreateNetwork(tx, networkName);
  await lockNetwork(tx, network.id);

  const existing = (await findMeetingsOn(tx, network.id, date))[0];
  if (existing) {
    const reason = !existing.source_document_id
      ? "mötet är skapat i Samråd"
      : existing.edited_in_app
        ? "mötet har ändrats i Samråd"
        : existing.state !== "approved"
          ? "mötets status har ändrats i Samråd"
          : (await countHandledActions(tx, existing.id)) > 0
            ? "uppdrag från mötet har klarmarkerats i Samråd"
            : null;
    if (reason) {
      notes.push(`${network.name} ${date} finns redan och ${reason}; dokumentet har inte lagts in`);
      return { status: "kept", meetingId: existing.id, network, people: { created: 0, matched: 0 }, notes };
    }
  }

  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  const documentId =
    already?.id ??
    (await insertSourceDocument(tx, {
      filename,
      contentType: CONTENT_TYPES[ext] ?? "application/octet-stream",
      sha256,
      bytes,
      text: opts.source.text ?? null,
    }));

  // Municipalities and organisations named on the roster.
  const municipalityIds = new Map((await listMunicipalities(tx)).map((m) => [fold(m.name), m.id]));
  const municipalityId = async (name: string | null): Promise<number | null> => {
    if (!name) return null;
    const known = municipalityIds.get(fold(name));
    if (known !== undefined) return known;
    const kind = SWEDISH_MUNICIPALITIES.has(name.toLowerCase()) ? "municipality" : "organisation";
    const id = await insertMunicipality(tx, name, kind);
    municipalityIds.set(fold(name), id);
    return id;
  };

  // People: every name the document uses, matched against those stored.
  const mentioned = [
    ...meeting.attendees.map((a) => a.name),
    ...meeting.items.flatMap((i) => [...i.raisedBy, ...i.actions.flatMap((a) => a.assignees)]),
    ...(meeting.noteTaker ? [meeting.noteTaker] : []),
    ...meeting.attendees.flatMap((a) => a.alsoWrittenAs ?? []),
  ];
  const stored: Array<StoredPerson & { id: number }> = await listPeopleByFirstNames(tx, [
    ...new Set(mentioned.map(firstName).filter(Boolean)),
  ]);
  // People a reviewer chose by id, also when their first name differs from the one written.
  const chosenIds = meeting.attendees.flatMap((a) => (typeof a.person === "number" ? [a.person] : []));
  const missing = chosenIds.filter((id) => !stored.some((p) => p.id === id));
  const chosen = await listPeopleByIds(tx, [...new Set(missing)]);
  for (const id of missing) {
    if (!chosen.some((p) => p.id === id)) {
      throw new AppError("bad_request", `Den valda personen (id ${id}) finns inte.`, { where: filename });
    }
  }
  stored.push(...chosen);
  const personIds = new Map<string, number>(); // folded name as written → person
  const people = { created: 0, matched: 0 };
  const attendance: AttendanceRow[] = [];
  const seenPeople = new Set<number>();
  // Matching happens here, writing afterwards in a few statements; people new in this document
  // get a temporary negative id until they are inserted.
  const newPeople: Array<{ name: string; municipalityId: number | null; title: string | null }> = [];
  const aliases: Array<{ personId: number; alias: string }> = [];
  const municipalityFixes: Array<{ personId: number; municipalityId: number }> = [];
  for (const [position, a] of meeting.attendees.entries()) {
    const muniId = await municipalityId(a.municipality);
    const picked = typeof a.person === "number" ? stored.find((p) => p.id === a.person) : undefined;
    let match: ReturnType<typeof matchPerson> = picked
      ? { kind: "match", person: picked, exact: true }
      : a.person === "new"
        ? { kind: "none" }
        : matchPerson(a.name, a.municipality, stored);
    if (match.kind === "ambiguous") {
      // Of namesakes, the one who has sat in this network before is the one meant.
      const regulars = await listNetworkAttendees(
        tx,
        network.id,
        match.candidates.map((c) => c.id).filter((id) => id > 0),
      );
      const only = match.candidates.filter((c) => regulars.has(c.id));
      if (only.length === 1) match = { kind: "match", person: only[0] as StoredPerson, exact: true };
    }
    let personId: number;
    if (match.kind === "match") {
      personId = match.person.id;
      people.matched++;
      for (const written of [a.name, ...(a.alsoWrittenAs ?? [])]) {
        const spellings = [match.person.name, ...match.person.aliases].map(fold);
        if (!spellings.includes(fold(written))) {
          aliases.push({ personId, alias: written });
          match.person.aliases.push(written);
        }
      }
      if (muniId !== null && match.person.municipality === null) {
        municipalityFixes.push({ personId, municipalityId: muniId });
        match.person.municipality = a.municipality;
      }
    } else {
      if (match.kind === "ambiguous") {
        notes.push(
          `${a.name} kan vara flera personer (${match.candidates.map((c) => `${c.name}${c.municipality ? `, ${c.municipality}` : ""}`).join("; ")}); en ny person skapades – slå ihop i Samråd om det är samma`,
        );
      }
      newPeople.push({ name: a.name, municipalityId: muniId, title: a.role });
      personId = -newPeople.length;
      const merged = [...new Set((a.alsoWrittenAs ?? []).filter((w) => fold(w) !== fold(a.name)))];
      for (const alias of merged) aliases.push({ personId, alias });
      stored.push({ id: personId, name: a.name, aliases: merged, municipality: a.municipality });
      people.created++;
    }
    personIds.set(fold(a.name), personId);
    for (const written of a.alsoWrittenAs ?? []) personIds.set(fold(written), personId);
    if (seenPeople.has(personId)) {
      notes.push(`${a.name} står två gånger i deltagarlistan (som samma person); den andra raden hoppades över`);
      continue;
    }
    seenPeople.add(personId);
    attendance.push({
      personId,
      status: a.status,
      municipalityId: muniId,
      roleText: a.role,
      isChair: a.chair,
      position,
    });
  }
  const insertedIds = await insertPeople(tx, newPeople);
  const real = (id: number) => (id < 0 ? (insertedIds[-id - 1] as number) : id);
  for (const [k, id] of personIds) personIds.set(k, real(id));
  for (const row of attendance) row.personId = real(row.personId);
  for (const p of stored) p.id = real(p.id);
  await addAliases(
    tx,
    aliases.map((x) => ({ ...x, personId: real(x.personId) })),
  );
  await setMunicipalitiesIfMissing(
    tx,
    municipalityFixes.map((x) => ({ ...x, personId: real(x.personId) })),
  );
  const attendees = [...seenPeople].map(real);

  // Names outside the roster (raisers, assignees) are linked only when they match one person.
  const personOf = (name: string): number | null => {
    const id = personIds.get(fold(name));
    if (id !== undefined) return id;
    const match = matchPerson(name, null, stored);
    return match.kind === "match" ? match.person.id : null;
  };

  const noteTakerId = meeting.noteTaker ? personOf(meeting.noteTaker) : null;
  const fields: MeetingFields = {
    date,
    startTime: meeting.startTime,
    endTime: meeting.endTime && meeting.startTime && meeting.endTime >= meeting.startTime ? meeting.endTime : null,
    location: meeting.location ?? "",
    noteTakerId,
    noteTakerName: noteTakerId === null ? meeting.noteTaker : null,
    sourceDocumentId: documentId,
  };

  let meetingId: number;
  let oldAttendees: number[] = [];
  let reusableNumbers: Array<{ year: number; number: number }> = [];
  if (existing) {
    meetingId = existing.id;
    const snapshot = await snapshotMinutes(tx, meetingId);
    oldAttendees = await listAttendeeIds(tx, meetingId);
    await insertMinutesVersion(tx, {
      meetingId,
      version: existing.minutes_version,
      snapshot,
      reason: `ersatt vid import av ${filename}`,
    });
    reusableNumbers = await listDecisionNumbers(tx, meetingId);
    await clearMeetingContent(tx, meetingId);
    await updateImportedMeeting(tx, meetingId, existing.minutes_version + 1, fields);
  } else {
    meetingId = await insertImportedMeeting(tx, network.id, fields);
  }

  await insertAttendance(tx, meetingId, attendance);
  const itemIds = await insertItems(
    tx,
    meetingId,
    meeting.items.map((item, k) => ({
      position: k + 1,
      title: item.title,
      notes: item.notes,
      postponed: item.postponed,
    })),
  );
  const year = Number(date.slice(0, 4));
  // A replaced meeting keeps its decision numbers, in order; more decisions get new ones.
  const numbers = reusableNumbers.filter((n) => n.year === year).map((n) => n.number);
  let next = Math.max(await nextDecisionNumber(tx, network.id, year), (numbers[numbers.length - 1] ?? 0) + 1);
  const raisers = [];
  const decisions = [];
  const actions: Parameters<typeof insertActions>[1] = [];
  for (const [k, item] of meeting.items.entries()) {
    const itemId = itemIds.get(k + 1) as number;
    for (const name of item.raisedBy) raisers.push({ itemId, personId: personOf(name), name });
    for (const text of item.decisions) {
      decisions.push({
        networkId: network.id,
        meetingId,
        itemId,
        year,
        number: numbers.shift() ?? next++,
        text,
      });
    }
    for (const action of item.actions) {
      actions.push({
        networkId: network.id,
        itemId,
        meetingId,
        text: action.text,
        dueDate: action.due,
        assignees: action.assignees.map((name) => ({ personId: personOf(name), name })),
      });
    }
  }
  await insertItemRaisers(tx, raisers);
  await insertDecisions(tx, decisions);
  await insertActions(tx, actions);
  if (existing) await recomputeInferredMemberships(tx, network.id, [...new Set([...oldAttendees, ...attendees])]);
  else {
    await extendInferredMemberships(
      tx,
      network.id,
      date,
      attendance
        .filter((r) => r.status !== "guest")
        .map((r) => ({
          personId: r.personId,
          role: r.isChair ? "chair" : "member",
          municipalityId: r.municipalityId,
        })),
    );
  }
  await recordAudit(tx, {
    actor: opts.actor ?? SYSTEM,
    action: existing ? "minutes.reimport" : "minutes.import",
    objectType: "meeting",
    objectId: meetingId,
    after: {
      filename,
      sha256,
      network: network.name,
      date,
      attendees: attendance.length,
      items: meeting.items.length,
      decisions: decisions.length,
    },
  });
  return { status: existing ? "replaced" : "created", meetingId, network, people, notes };
}
