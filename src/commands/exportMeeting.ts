import type { Tx } from "../db/client.js";
import { listContacts, loadMeetingDoc } from "../db/queries/exports.js";
import { findNetworkBySlug } from "../db/queries/networks.js";
import type { MembershipRole } from "../db/schema.js";
import { ROLE_LABELS } from "../domain/labels.js";
import { type Actor, meetingReadPermission } from "../domain/permissions.js";
import { slugify } from "../domain/slug.js";
import { notFound } from "../errors.js";
import type { Outline } from "../exporters/blocks.js";
import { calendarToIcs, meetingEvent } from "../exporters/ics.js";
import { outlineToMarkdown } from "../exporters/markdown.js";
import type { ExportedFile, MeetingDoc } from "../exporters/model.js";
import { contactListOutline, minutesOutline, noticeOutline } from "../exporters/outline.js";
import { authorize } from "./authorize.js";

/** The file formats a meeting can be exported as. */
export const EXPORT_FORMATS = ["md", "docx", "pdf", "ics"] as const;
/** One of EXPORT_FORMATS. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  ics: "text/calendar; charset=utf-8",
};

/** Where links in documents and calendars point, and the domain that makes calendar UIDs unique. */
export type LinkOptions = { baseUrl: string | undefined };

/** The calendar UID domain: the public host when configured, so UIDs stay stable per installation. */
export function uidDomain(baseUrl: string | undefined): string {
  try {
    return baseUrl ? new URL(baseUrl).hostname : "samrad.local";
  } catch {
    return "samrad.local";
  }
}

/**
 * An outline as Markdown, Word or PDF bytes. The Word and PDF writers (docx, pdfmake) are loaded on
 * first use: they are large, and most starts of Samråd never export a file.
 */
async function outlineBytes(outline: Outline, format: Exclude<ExportFormat, "ics">): Promise<Buffer> {
  if (format === "md") return Buffer.from(outlineToMarkdown(outline), "utf8");
  if (format === "docx") return (await import("../exporters/docx.js")).outlineToDocx(outline);
  return (await import("../exporters/pdf.js")).outlineToPdf(outline);
}

/** Renders a loaded meeting as a file of one format: minutes or notice for documents, an event for ics. */
export async function renderMeetingFile(
  doc: MeetingDoc,
  opts: { format: ExportFormat; document: "minutes" | "notice" } & LinkOptions,
): Promise<ExportedFile> {
  const base = `${slugify(doc.network)}-${doc.date ?? "utan-datum"}`;
  if (opts.format === "ics") {
    const ics = calendarToIcs({
      name: doc.network,
      events: [meetingEvent(doc, { baseUrl: opts.baseUrl, uidDomain: uidDomain(opts.baseUrl) })],
    });
    return { filename: `${base}.ics`, contentType: CONTENT_TYPES.ics, bytes: Buffer.from(ics, "utf8") };
  }
  const outline = opts.document === "notice" ? noticeOutline(doc) : minutesOutline(doc);
  const name = `${base}-${opts.document === "notice" ? "kallelse" : "anteckningar"}.${opts.format}`;
  const bytes = await outlineBytes(outline, opts.format);
  return { filename: name, contentType: CONTENT_TYPES[opts.format], bytes };
}

/**
 * A meeting's minutes, notice or calendar event as a file. Drafts of minutes need the right to read
 * drafts; everything else needs the right to read the network's minutes.
 */
export async function exportMeeting(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; format: ExportFormat; document?: "minutes" | "notice" } & LinkOptions,
): Promise<ExportedFile> {
  const doc = await loadMeetingDoc(tx, opts.meetingId);
  if (!doc) throw notFound("Mötet");
  const document = opts.document ?? "minutes";
  // The same rule as the meeting page: approved minutes for readers, anything earlier for members.
  await authorize(tx, opts.actor, meetingReadPermission(doc.state), { networkId: doc.networkId });
  return renderMeetingFile(doc, { format: opts.format, document, baseUrl: opts.baseUrl });
}

/** A network's contact list (current members and coordinators) as DOCX, PDF or Markdown. */
export async function exportContactList(
  tx: Tx,
  opts: { actor: Actor; slug: string; format: Exclude<ExportFormat, "ics">; today: string },
): Promise<ExportedFile> {
  const network = await findNetworkBySlug(tx, opts.slug);
  if (!network) throw notFound("Nätverket");
  await authorize(tx, opts.actor, "contacts.read", { networkId: network.id });
  const rows = await listContacts(tx, network.id, opts.today);
  const outline = contactListOutline({
    network: network.name,
    date: opts.today,
    rows: rows.map((r) => ({ ...r, role: ROLE_LABELS[r.role as MembershipRole] ?? r.role })),
  });
  const bytes = await outlineBytes(outline, opts.format);
  return {
    filename: `${network.slug}-kontaktlista-${opts.today}.${opts.format}`,
    contentType: CONTENT_TYPES[opts.format],
    bytes,
  };
}
