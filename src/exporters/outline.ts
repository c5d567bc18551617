import { formatDate } from "../domain/dates.js";
import { MEETING_STATE_LABELS } from "../domain/meeting-state.js";
import type { Block, Outline, Run } from "./blocks.js";
import type { ContactListDoc, DocAttendee, DocItem, MeetingDoc } from "./model.js";

// The layout is the networks' own (see ../shared/seeds): "Datum och tid: 2020-03-06 kl. 9-12",
// "Plats och lokal: …", rosters of "Name (ordf.) <tab> Municipality", "Anteckningar", one heading per
// item, "Beslut: att …", and "Vid tangenterna" with the note-taker. The importer reads it back.

/** "9", "9.30", "13.15" from "09:00" / "09:30:00": hours as people write them. */
export function clockText(time: string): string {
  const [h = "0", m = "00"] = time.split(":");
  const hour = String(Number(h));
  return m === "00" ? hour : `${hour}.${m}`;
}

/** "2020-03-06 kl. 9-12", "2020-03-06 kl. 9.30", "2020-03-06", or a plain note when the date is missing. */
export function dateAndTimeText(doc: Pick<MeetingDoc, "date" | "startTime" | "endTime">): string {
  const date = doc.date ?? "datum saknas";
  if (!doc.startTime) return date;
  const span = doc.endTime ? `${clockText(doc.startTime)}-${clockText(doc.endTime)}` : clockText(doc.startTime);
  return `${date} kl. ${span}`;
}

/** "Anna", "Anna och Bo", "Anna, Bo och Cecilia". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} och ${names.at(-1)}`;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function rosterRow(a: DocAttendee): [string, string] {
  const name = `${oneLine(a.name)}${a.chair ? " (ordf.)" : ""}`;
  const second = a.status === "guest" ? (a.role ?? a.municipality ?? "") : (a.municipality ?? "");
  return [name, oneLine(second)];
}

/** The attendance groups in the order the minutes print them. */
export function rosterGroups(attendees: DocAttendee[]) {
  return {
    present: attendees.filter((a) => a.status === "present"),
    guests: attendees.filter((a) => a.status === "guest"),
    // "förhinder" is an announced absence; the minutes list both under Frånvarande
    absent: attendees.filter((a) => a.status === "absent" || a.status === "excused"),
  };
}

const POSTPONED = /flyttas till nästa|punkten utgick|hanns inte med|bordl[äa]gg|flyttas till nästkommande/i;

/** An item's body: who raised it, the notes, round notes, decisions and assignments, in that order. */
function itemBody(item: DocItem, withOutcome: boolean): Block[] {
  const blocks: Block[] = [];
  if (item.raisedBy.length > 0 && !/(ärende|fråga|återkoppling)(n)? från/i.test(item.notes)) {
    blocks.push({ kind: "paragraph", runs: [{ text: `Ärende från ${joinNames(item.raisedBy)}.` }] });
  }
  if (item.notes.trim()) blocks.push({ kind: "markdown", source: item.notes.trim() });
  if (item.roundNotes.length > 0) {
    blocks.push({
      kind: "list",
      ordered: false,
      items: item.roundNotes.map((r) => [
        { kind: "paragraph", runs: [{ text: `${r.municipality}: `, bold: true }, { text: oneLine(r.notes) }] },
      ]),
    });
  }
  if (!withOutcome) return blocks;
  if (item.postponed && !POSTPONED.test(item.notes)) {
    blocks.push({ kind: "paragraph", runs: [{ text: "Punkten flyttas till nästa möte." }] });
  }
  // Imported minutes may already say the decision or assignment in their notes: never print it twice.
  const said = oneLine(item.notes);
  for (const d of item.decisions) {
    if (said.includes(oneLine(d))) continue;
    blocks.push({ kind: "paragraph", runs: [{ text: "Beslut: ", bold: true }, { text: oneLine(d) }] });
  }
  for (const a of item.actions) {
    if (said.includes(oneLine(a.text))) continue;
    const who = a.assignees.length ? ` Ansvarig: ${joinNames(a.assignees)}.` : "";
    const due = a.due ? ` Klart senast ${a.due}.` : "";
    const text = oneLine(a.text);
    blocks.push({
      kind: "paragraph",
      runs: [{ text: "Uppdrag: ", bold: true }, { text: `${text}${/[.!?]$/.test(text) ? "" : "."}${who}${due}` }],
    });
  }
  return blocks;
}

function headerFields(doc: MeetingDoc): Block[] {
  const blocks: Block[] = [
    { kind: "field", label: "Datum och tid", value: dateAndTimeText(doc) },
    { kind: "field", label: "Plats och lokal", value: oneLine(doc.location) || "–" },
  ];
  if (doc.onlineUrl) blocks.push({ kind: "field", label: "Länk till mötet", value: doc.onlineUrl });
  if (doc.state === "cancelled") {
    const why = doc.cancelledReason ? ` – ${oneLine(doc.cancelledReason)}` : "";
    blocks.push({ kind: "field", label: "Status", value: `${MEETING_STATE_LABELS.cancelled}${why}` });
  }
  return blocks;
}

/** The minutes (minnesanteckningar) of a meeting in the networks' layout. */
export function minutesOutline(doc: MeetingDoc): Outline {
  const { present, guests, absent } = rosterGroups(doc.attendees);
  const blocks: Block[] = [{ kind: "title", text: oneLine(doc.network) }, ...headerFields(doc)];
  if (doc.nextMeeting) blocks.push({ kind: "field", label: "Nästa möte", value: doc.nextMeeting });
  if (present.length) blocks.push({ kind: "heading", level: 2, text: "Närvarande:" }, roster(present));
  if (guests.length) blocks.push({ kind: "heading", level: 2, text: "Övriga:" }, roster(guests));
  if (absent.length) blocks.push({ kind: "heading", level: 2, text: "Frånvarande:" }, roster(absent));
  blocks.push({ kind: "heading", level: 2, text: "Anteckningar" });
  if (doc.items.length === 0) blocks.push({ kind: "paragraph", runs: [{ text: "Inga punkter är antecknade." }] });
  for (const item of doc.items) {
    blocks.push({ kind: "heading", level: 3, text: oneLine(item.title) }, ...itemBody(item, true));
  }
  if (doc.noteTaker) {
    blocks.push({ kind: "signature", label: "Vid tangenterna", name: oneLine(doc.noteTaker) });
  }
  const when = doc.date ? ` ${doc.date}` : "";
  return {
    title: `${oneLine(doc.network)}${when} – minnesanteckningar`,
    footer: `${oneLine(doc.network)}${when}`,
    blocks,
  };
}

function roster(rows: DocAttendee[]): Block {
  return { kind: "roster", rows: rows.map(rosterRow) };
}

/** The notice (kallelse) of a meeting: when, where and the agenda. */
export function noticeOutline(doc: MeetingDoc): Outline {
  const when = doc.date ? `${formatDate(doc.date)}` : "datum saknas";
  const blocks: Block[] = [
    { kind: "title", text: oneLine(doc.network) },
    { kind: "subtitle", text: `Kallelse till möte ${when}` },
    ...headerFields(doc),
    { kind: "heading", level: 2, text: "Dagordning" },
  ];
  if (doc.items.length === 0) {
    blocks.push({ kind: "paragraph", runs: [{ text: "Dagordningen är inte klar ännu." }] });
  } else {
    blocks.push({
      kind: "list",
      ordered: true,
      items: doc.items.map((item) => {
        const extra = [
          item.presenter ? `föredras av ${item.presenter}` : "",
          item.durationMinutes ? `${item.durationMinutes} min` : "",
        ].filter(Boolean);
        const title: Run[] = [{ text: oneLine(item.title), bold: true }];
        if (extra.length) title.push({ text: ` (${extra.join(", ")})` });
        return [{ kind: "paragraph", runs: title } as Block, ...itemBody(item, false)];
      }),
    });
  }
  blocks.push({
    kind: "paragraph",
    runs: [{ text: "Meddela förhinder så snart du kan. Välkommen!" }],
  });
  return {
    title: `${oneLine(doc.network)} – kallelse ${doc.date ?? ""}`.trim(),
    footer: `${oneLine(doc.network)} – kallelse ${doc.date ?? ""}`.trim(),
    blocks,
  };
}

/** A network's contact list: name, role, municipality, e-mail and phone. */
export function contactListOutline(list: ContactListDoc): Outline {
  return {
    title: `${oneLine(list.network)} – kontaktlista`,
    footer: `${oneLine(list.network)} – kontaktlista ${list.date}`,
    blocks: [
      { kind: "title", text: oneLine(list.network) },
      { kind: "subtitle", text: `Kontaktlista ${formatDate(list.date)}` },
      list.rows.length === 0
        ? { kind: "paragraph", runs: [{ text: "Nätverket har inga medlemmar just nu." }] }
        : {
            kind: "table",
            caption: "Medlemmar och samordnare",
            headers: ["Namn", "Roll", "Kommun", "E-post", "Telefon"],
            rows: list.rows.map((r) => [
              r.title ? `${r.name}\n${r.title}` : r.name,
              r.role,
              r.municipality ?? "–",
              r.email ?? "–",
              r.phone ?? "–",
            ]),
          },
    ],
  };
}
