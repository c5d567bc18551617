// Generated meetings written out as minutes documents (.txt, .md, .docx) in the layouts of the
// seed minutes: header "Datum och tid: … kl. 9-12", "Plats och lokal:", rosters "Name\tMunicipality"
// under Närvarande/Övriga/Frånvarande, "Anteckningar", item headings, "Beslut: att …" and the
// "Vid tangenterna" signature. Used by the import benchmark and as grep's corpus.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { CorpusPlan } from "./generator.js";
import type { GenMeeting } from "./generator-meetings.js";

/** The document formats the generator writes. */
export type MinutesFormat = "txt" | "md" | "docx";

/** One person on a roster: municipality for members, role for guests. */
export type RosterLine = { name: string; where: string; chair: boolean };

/** A meeting's minutes, independent of the file format. */
export type MinutesDoc = {
  network: string;
  date: string;
  /** "kl. 9-12", "kl 9.30-11" */
  time: string;
  location: string;
  present: RosterLine[];
  guests: RosterLine[];
  absent: RosterLine[];
  absentLabel: "Frånvarande:" | "Ej närvarande:";
  notesLabel: "Anteckningar" | "Minnesanteckningar";
  items: { title: string; paragraphs: string[]; bullets: string[]; decisions: string[] }[];
  noteTaker: string | null;
};

/** Whether a meeting has minutes to write: held, never cancelled or still to come. */
export const hasMinutes = (m: GenMeeting) =>
  m.state === "approved" || m.state === "minutes_draft" || m.state === "held";

const clock = (t: string) => {
  const [h = "0", min = "00"] = t.split(":");
  return min === "00" ? String(Number(h)) : `${Number(h)}.${min}`;
};

/** The meeting as minutes: rosters by status, items with their notes and decisions. */
export function minutesDocument(plan: CorpusPlan, meeting: GenMeeting): MinutesDoc {
  const network = plan.networks[meeting.networkId - 1];
  if (!network) throw new Error(`network ${meeting.networkId} is not in the plan`);
  const line = (a: GenMeeting["attendance"][number]): RosterLine => ({
    name: a.name,
    where: a.roleText ?? a.municipality ?? "",
    chair: a.isChair,
  });
  const noteTaker = meeting.noteTakerId ? (plan.people[meeting.noteTakerId - 1]?.name ?? null) : null;
  return {
    network: network.name,
    date: meeting.date,
    time: `kl${meeting.id % 5 === 0 ? "" : "."} ${clock(meeting.startTime)}-${clock(meeting.endTime)}`,
    location: meeting.location,
    present: meeting.attendance.filter((a) => a.status === "present").map(line),
    guests: meeting.attendance.filter((a) => a.status === "guest").map(line),
    absent: meeting.attendance.filter((a) => a.status === "absent" || a.status === "excused").map(line),
    absentLabel: meeting.id % 3 === 0 ? "Ej närvarande:" : "Frånvarande:",
    notesLabel: meeting.id % 4 === 0 ? "Minnesanteckningar" : "Anteckningar",
    items: meeting.items.map((i) => ({
      title: i.title,
      paragraphs: i.notes ? i.notes.split("\n\n") : [],
      bullets: i.roundNotes.map((r) => `${r.municipality}: ${r.notes}`),
      decisions: i.decisions.map((d) => d.text),
    })),
    noteTaker,
  };
}

const rosterLine = (r: RosterLine) => `${r.name}${r.chair ? " (ordf.)" : ""}\t${r.where}`;

/** Plain text, as Word's "save as text" gives it (seed 000). */
export function renderText(doc: MinutesDoc): string {
  const out: string[] = ["", "", doc.network, "", "", ""];
  out.push(`Datum och tid: ${doc.date} ${doc.time}`, "", `Plats och lokal: ${doc.location}`, "");
  const roster = (label: string, lines: RosterLine[]) => {
    if (lines.length === 0) return;
    out.push(label, "", ...lines.map(rosterLine), "");
  };
  roster("Närvarande:", doc.present);
  roster("Övriga:", doc.guests);
  roster(doc.absentLabel, doc.absent);
  out.push(doc.notesLabel, "");
  for (const item of doc.items) {
    out.push(item.title, "");
    for (const p of item.paragraphs) out.push(p, "");
    for (const b of item.bullets) out.push(`- ${b}`);
    if (item.bullets.length > 0) out.push("");
    for (const d of item.decisions) out.push(`Beslut: ${d}.`, "");
  }
  if (doc.noteTaker) out.push("Vid tangenterna", "", `/${doc.noteTaker}`);
  return out.join("\n");
}

/** Markdown, as a converter gives it (seeds 001, 002, 004). */
export function renderMarkdown(doc: MinutesDoc): string {
  const out: string[] = [`# ${doc.network}`, "", ""];
  out.push(`**Datum och tid:** ${doc.date} ${doc.time}`, "", `**Plats och lokal:** ${doc.location}`, "");
  const roster = (label: string, lines: RosterLine[]) => {
    if (lines.length === 0) return;
    out.push(`## ${label}`, "", ...lines.map(rosterLine), "");
  };
  roster("Närvarande:", doc.present);
  roster("Övriga:", doc.guests);
  roster(doc.absentLabel, doc.absent);
  out.push(`## ${doc.notesLabel}`, "");
  for (const item of doc.items) {
    out.push(`### ${item.title}`, "");
    for (const p of item.paragraphs) out.push(p, "");
    for (const b of item.bullets) out.push(`- ${b}`);
    if (item.bullets.length > 0) out.push("");
    for (const d of item.decisions) out.push(`**Beslut:** ${d}.`, "");
  }
  if (doc.noteTaker) out.push(`Vid tangenterna/${doc.noteTaker}`);
  return out.join("\n");
}

/** A Word document: headings, rosters as two-column tables, bold "Beslut:" (as the originals). */
export async function renderDocx(doc: MinutesDoc): Promise<Uint8Array> {
  const labelled = (label: string, value: string) =>
    new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun(` ${value}`)] });
  const heading = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading });
  const table = (lines: RosterLine[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: lines.map(
        (r) =>
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph(`${r.name}${r.chair ? " (ordf.)" : ""}`)] }),
              new TableCell({ children: [new Paragraph(r.where)] }),
            ],
          }),
      ),
    });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.network, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT }),
    labelled("Datum och tid:", `${doc.date} ${doc.time}`),
    labelled("Plats och lokal:", doc.location),
  ];
  for (const [label, lines] of [
    ["Närvarande:", doc.present],
    ["Övriga:", doc.guests],
    [doc.absentLabel, doc.absent],
  ] as const) {
    if (lines.length === 0) continue;
    children.push(heading(label, HeadingLevel.HEADING_2), table(lines));
  }
  children.push(heading(doc.notesLabel, HeadingLevel.HEADING_2));
  for (const item of doc.items) {
    children.push(heading(item.title, HeadingLevel.HEADING_3));
    for (const p of item.paragraphs) children.push(new Paragraph(p));
    for (const b of item.bullets) children.push(new Paragraph({ text: b, bullet: { level: 0 } }));
    for (const d of item.decisions)
      children.push(new Paragraph({ children: [new TextRun({ text: "Beslut:", bold: true }), new TextRun(` ${d}.`)] }));
  }
  if (doc.noteTaker) children.push(new Paragraph("Vid tangenterna"), new Paragraph(`/${doc.noteTaker}`));
  const document = new Document({
    creator: "Samråd (genererade testdata)",
    title: `${doc.network} ${doc.date}`,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The file name minutes are written under: network slug, date and meeting id. */
export function minutesFilename(plan: CorpusPlan, meeting: GenMeeting, format: MinutesFormat): string {
  const slug = plan.networks[meeting.networkId - 1]?.slug ?? `natverk-${meeting.networkId}`;
  return `${slug}_${meeting.date}_${meeting.id}.${format}`;
}

/** The minutes of one meeting in one format, as bytes. */
export async function renderMinutes(plan: CorpusPlan, meeting: GenMeeting, format: MinutesFormat): Promise<Uint8Array> {
  const doc = minutesDocument(plan, meeting);
  if (format === "docx") return renderDocx(doc);
  return new TextEncoder().encode(format === "md" ? renderMarkdown(doc) : renderText(doc));
}

/**
 * Writes the minutes of the given meetings into dir (created if missing), cycling through the
 * formats, and returns the paths written. Meetings without minutes are passed over.
 */
export async function writeMinutesFiles(
  plan: CorpusPlan,
  meetings: Iterable<GenMeeting>,
  dir: string,
  formats: readonly MinutesFormat[] = ["txt"],
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const meeting of meetings) {
    if (!hasMinutes(meeting)) continue;
    const format = formats[meeting.id % formats.length] ?? "txt";
    const path = join(dir, minutesFilename(plan, meeting, format));
    writeFileSync(path, await renderMinutes(plan, meeting, format));
    paths.push(path);
  }
  return paths;
}
