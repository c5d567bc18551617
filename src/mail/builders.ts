import { renderMeetingFile } from "../commands/exportMeeting.js";
import type { Tx } from "../db/client.js";
import { loadMeetingDoc } from "../db/queries/exports.js";
import { listNetworkRecipients } from "../db/queries/mail.js";
import { formatDate, todayInSweden } from "../domain/dates.js";
import { notFound } from "../errors.js";
import type { MeetingDoc } from "../exporters/model.js";
import { dateAndTimeText, joinNames } from "../exporters/outline.js";
import { linkLines, publicBaseUrl } from "./links.js";
import type { MailInput } from "./queue.js";

/** Mails ready for queueMails, and the people who get none and why. */
export type PreparedMails = {
  mails: MailInput[];
  skipped: { personId: number; name: string; reason: string }[];
};

/** The current members with an address get the mail; the others are listed as skipped. */
async function toMembers(
  tx: Tx,
  networkId: number,
  today: string,
  mail: Omit<MailInput, "to">,
): Promise<PreparedMails> {
  const people = await listNetworkRecipients(tx, networkId, today);
  const prepared: PreparedMails = { mails: [], skipped: [] };
  for (const p of people) {
    if (!p.email?.trim()) prepared.skipped.push({ personId: p.personId, name: p.name, reason: "saknar e-postadress" });
    else prepared.mails.push({ ...mail, to: { name: p.name, address: p.email, personId: p.personId } });
  }
  return prepared;
}

function headerLines(doc: MeetingDoc): string[] {
  return [
    `Datum och tid: ${dateAndTimeText(doc)}`,
    `Plats och lokal: ${doc.location || "–"}`,
    ...(doc.onlineUrl ? [`Länk till mötet: ${doc.onlineUrl}`] : []),
  ];
}

async function load(tx: Tx, meetingId: number) {
  const doc = await loadMeetingDoc(tx, meetingId);
  if (!doc) throw notFound("Mötet");
  return doc;
}

/** A mail body: greeting, the lines, signature; blank lines never come more than one at a time. */
function letter(lines: string[]): string {
  return ["Hej!", "", ...lines, "", "Vänliga hälsningar", "Samråd"].join("\n").replace(/\n{3,}/g, "\n\n");
}

type Attachment = NonNullable<MailInput["attachments"]>[number];

/** The meeting as a calendar file attached to a mail. */
function calendarAttachment(content: Attachment["content"]): Attachment {
  return { filename: "mote.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content };
}

/**
 * The notice (kallelse) of a meeting to every current member with an address: when, where, the
 * agenda, a link, and the meeting as an .ics attachment (SEQUENCE = the meeting's revision).
 */
export async function noticeMail(tx: Tx, meetingId: number, opts: { today?: string } = {}): Promise<PreparedMails> {
  const doc = await load(tx, meetingId);
  const baseUrl = publicBaseUrl();
  const ics = await renderMeetingFile(doc, { format: "ics", document: "notice", baseUrl });
  const when = doc.date ? formatDate(doc.date) : "datum saknas";
  const agenda = doc.items.map((item, i) => {
    const from = item.raisedBy.length ? ` (ärende från ${joinNames(item.raisedBy)})` : "";
    return `${i + 1}. ${item.title}${from}`;
  });
  const text = letter([
    `Välkommen till möte i ${doc.network}.`,
    "",
    ...headerLines(doc),
    "",
    "Dagordning",
    ...(agenda.length ? agenda : ["Dagordningen är inte klar ännu."]),
    "",
    "Meddela förhinder så snart du kan.",
    ...linkLines("Mötet i Samråd", `/moten/${doc.meetingId}`, baseUrl),
    "Mötet finns som kalenderfil i bilagan.",
  ]);
  return toMembers(tx, doc.networkId, opts.today ?? todayInSweden(), {
    subject: `Kallelse: ${doc.network} ${when}`,
    text,
    attachments: [calendarAttachment(ics.bytes)],
    kind: "notice",
    networkId: doc.networkId,
    meetingId: doc.meetingId,
  });
}

/**
 * The news that a meeting whose notice went out is cancelled, with the reason, to every current
 * member with an address; the attached event (STATUS:CANCELLED) marks it so in their calendars.
 */
export async function cancellationMail(
  tx: Tx,
  meetingId: number,
  opts: { today?: string } = {},
): Promise<PreparedMails> {
  const doc = await load(tx, meetingId);
  const baseUrl = publicBaseUrl();
  const ics = await renderMeetingFile(doc, { format: "ics", document: "notice", baseUrl });
  const when = doc.date ? formatDate(doc.date) : "datum saknas";
  const text = letter([
    `Mötet i ${doc.network} ${when} är inställt.`,
    ...(doc.cancelledReason ? ["", `Anledning: ${doc.cancelledReason}`] : []),
    "",
    ...headerLines(doc),
    ...linkLines("Mötet i Samråd", `/moten/${doc.meetingId}`, baseUrl),
    "Den bifogade kalenderfilen markerar mötet som inställt i din kalender.",
  ]);
  return toMembers(tx, doc.networkId, opts.today ?? todayInSweden(), {
    subject: `Inställt: ${doc.network} ${when}`,
    text,
    attachments: [calendarAttachment(ics.bytes)],
    kind: "notice",
    networkId: doc.networkId,
    meetingId: doc.meetingId,
  });
}

/** The approved minutes to every current member with an address: decisions and assignments in the text, the minutes as PDF. */
export async function minutesApprovedMail(
  tx: Tx,
  meetingId: number,
  opts: { today?: string } = {},
): Promise<PreparedMails> {
  const doc = await load(tx, meetingId);
  const baseUrl = publicBaseUrl();
  const pdf = await renderMeetingFile(doc, { format: "pdf", document: "minutes", baseUrl });
  const when = doc.date ? formatDate(doc.date) : "datum saknas";
  const decisions = doc.items.flatMap((i) => i.decisions.map((d) => `- ${i.title}: ${d}`));
  const actions = doc.items.flatMap((i) =>
    i.actions.map((a) => {
      const meta = [joinNames(a.assignees), a.due ? `senast ${a.due}` : ""].filter(Boolean).join(", ");
      return `- ${a.text}${meta ? ` (${meta})` : ""}`;
    }),
  );
  const text = letter([
    `Anteckningarna från mötet i ${doc.network} ${when} är justerade och bifogas som PDF.`,
    "",
    ...(decisions.length ? ["Beslut", ...decisions, ""] : []),
    ...(actions.length ? ["Uppdrag", ...actions, ""] : []),
    ...linkLines("Anteckningarna i Samråd", `/moten/${doc.meetingId}`, baseUrl),
  ]);
  return toMembers(tx, doc.networkId, opts.today ?? todayInSweden(), {
    subject: `Justerade anteckningar: ${doc.network} ${when}`,
    text,
    attachments: [{ filename: pdf.filename, contentType: pdf.contentType, content: pdf.bytes }],
    kind: "minutes",
    networkId: doc.networkId,
    meetingId: doc.meetingId,
  });
}
