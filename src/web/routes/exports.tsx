import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { getCalendarFeed, getCalendarSettings, renewCalendarToken } from "../../commands/calendarFeeds.js";
import { type ExportFormat, exportContactList, exportMeeting } from "../../commands/exportMeeting.js";
import { getMailAttachment, getMailbox, getOutboxPage, retryMail } from "../../commands/outbox.js";
import type { Tx } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { publicBaseUrl, smtpConfigured } from "../../mail/links.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput, SlugParams } from "../validate.js";
import { CalendarPage } from "../views/calendar-page.js";
import { MailboxPage, OutboxPage } from "../views/outbox-page.js";

const MEETING_FILES: Record<string, { format: ExportFormat; document: "minutes" | "notice" }> = {
  "anteckningar.md": { format: "md", document: "minutes" },
  "anteckningar.docx": { format: "docx", document: "minutes" },
  "anteckningar.pdf": { format: "pdf", document: "minutes" },
  "kallelse.md": { format: "md", document: "notice" },
  "kallelse.docx": { format: "docx", document: "notice" },
  "kallelse.pdf": { format: "pdf", document: "notice" },
  "kalender.ics": { format: "ics", document: "notice" },
};

const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "länken är ogiltig") });
const StatusQuery = z.object({ status: z.enum(["queued", "sending", "sent", "failed"]).optional() });
const AttachmentParams = IdParams.extend({
  index: z
    .string()
    .regex(/^\d{1,2}$/, "bilagan finns inte")
    .transform(Number),
});

/** The address people use: SAMRAD_PUBLIC_URL, else the one this request came in on. */
function baseUrl(req: FastifyRequest): string {
  return publicBaseUrl() ?? `${req.protocol}://${req.host}`;
}

function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; bytes: Buffer }, inline = false) {
  const ascii = file.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return reply
    .header("content-type", file.contentType)
    .header(
      "content-disposition",
      `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header("cache-control", "private, no-store")
    .send(file.bytes);
}

/** Downloads (minutes, notices, contact lists), calendar feeds and the outbox pages. */
export function registerExportRoutes(app: FastifyInstance, db: Tx): void {
  for (const [file, what] of Object.entries(MEETING_FILES)) {
    app.get(`/moten/:id/${file}`, async (req, reply) => {
      const { id } = parseInput(IdParams, req.params, "Adressen");
      const out = await db
        .transaction()
        .execute((tx) => exportMeeting(tx, { actor: req.actor, meetingId: id, ...what, baseUrl: baseUrl(req) }));
      return sendFile(reply, out);
    });
  }

  for (const format of ["docx", "pdf"] as const) {
    app.get(`/natverk/:slug/kontaktlista.${format}`, async (req, reply) => {
      const { slug } = parseInput(SlugParams, req.params, "Adressen");
      const out = await db
        .transaction()
        .execute((tx) => exportContactList(tx, { actor: req.actor, slug, format, today: todayInSweden() }));
      return sendFile(reply, out);
    });
  }

  app.get("/kalender/:token/mina-moten.ics", async (req, reply) => {
    const { token } = parseInput(TokenParams, req.params, "Kalenderlänken");
    const feed = await db
      .transaction()
      .execute((tx) => getCalendarFeed(tx, { token, today: todayInSweden(), baseUrl: baseUrl(req) }));
    return sendFile(
      reply,
      { filename: "samrad.ics", contentType: "text/calendar; charset=utf-8", bytes: Buffer.from(feed.ics) },
      true,
    );
  });

  app.get("/kalender/:token/natverk/:slug/moten.ics", async (req, reply) => {
    const { token } = parseInput(TokenParams, req.params, "Kalenderlänken");
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const feed = await db
      .transaction()
      .execute((tx) =>
        getCalendarFeed(tx, { token, networkSlug: slug, today: todayInSweden(), baseUrl: baseUrl(req) }),
      );
    return sendFile(
      reply,
      { filename: `${slug}.ics`, contentType: "text/calendar; charset=utf-8", bytes: Buffer.from(feed.ics) },
      true,
    );
  });

  app.get("/personer/:id/kalender", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const data = await db.transaction().execute((tx) => getCalendarSettings(tx, { actor: req.actor, personId: id }));
    return sendPage(
      reply,
      <CalendarPage person={data.person} createdAt={data.createdAt} csrfToken={req.csrfToken} links={null} />,
    );
  });

  app.post("/personer/:id/kalender", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const today = todayInSweden();
    const { person, renewed } = await db.transaction().execute(async (tx) => {
      const renewed = await renewCalendarToken(tx, { actor: req.actor, personId: id, today });
      const { person } = await getCalendarSettings(tx, { actor: req.actor, personId: id });
      return { person, renewed };
    });
    const base = `${baseUrl(req)}/kalender/${renewed.token}`;
    const links = {
      mine: `${base}/mina-moten.ics`,
      networks: renewed.networks.map((n) => ({ name: n.name, url: `${base}/natverk/${n.slug}/moten.ics` })),
    };
    reply.header("cache-control", "no-store");
    return sendPage(
      reply,
      <CalendarPage person={person} createdAt={new Date()} csrfToken={req.csrfToken} links={links} />,
    );
  });

  app.get("/utkorg", async (req, reply) => {
    const { status } = parseInput(StatusQuery, req.query, "Filtret");
    const data = await db
      .transaction()
      .execute((tx) => getOutboxPage(tx, { actor: req.actor, ...(status ? { status } : {}) }));
    return sendPage(
      reply,
      <OutboxPage
        counts={data.counts}
        rows={data.rows}
        status={status}
        csrfToken={req.csrfToken}
        smtp={smtpConfigured()}
      />,
    );
  });

  app.post("/utkorg/:id/forsok-igen", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    await db.transaction().execute((tx) => retryMail(tx, { actor: req.actor, id }));
    return reply.redirect("/utkorg", 303);
  });

  app.get("/utkorg/brevlada", async (req, reply) => {
    const data = await db.transaction().execute((tx) => getMailbox(tx, { actor: req.actor }));
    return sendPage(reply, <MailboxPage mails={data.mails} />);
  });

  app.get("/utkorg/:id/bilagor/:index", async (req, reply) => {
    const { id, index } = parseInput(AttachmentParams, req.params, "Adressen");
    const file = await db.transaction().execute((tx) => getMailAttachment(tx, { actor: req.actor, id, index }));
    return sendFile(reply, file);
  });
}
