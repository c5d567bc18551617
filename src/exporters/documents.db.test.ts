import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { buildMembership, buildPerson, buildUser } from "../../test/factories.js";
import { exportContactList, exportMeeting } from "../commands/exportMeeting.js";
import { loadDemoData } from "../commands/loadDemoData.js";
import type { Database } from "../db/client.js";
import { type Actor, ANONYMOUS, SYSTEM } from "../domain/permissions.js";

const TODAY = "2025-11-20";

describe("minutes, notices and contact lists as files", () => {
  let database: Database;
  let dir: string;
  let meetingId: number;
  let upcomingId: number;
  let draftId: number;

  const pdfText = (bytes: Buffer) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), "samrad-docs-"));
    await database.db.transaction().execute((tx) => loadDemoData(tx, { today: TODAY }));
    // The approved meeting with the most decisions, so every part of the layout shows.
    const best = await database.db
      .selectFrom("meetings as m")
      .innerJoin("decisions as d", "d.meeting_id", "m.id")
      .select(["m.id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("m.state", "=", "approved")
      .groupBy("m.id")
      .orderBy("n", "desc")
      .orderBy("m.id")
      .executeTakeFirstOrThrow();
    meetingId = best.id;
    const one = (state: "notice_sent" | "minutes_draft") =>
      database.db
        .selectFrom("meetings")
        .select("id")
        .where("state", "=", state)
        .orderBy("id")
        .executeTakeFirstOrThrow();
    upcomingId = (await one("notice_sent")).id;
    draftId = (await one("minutes_draft")).id;
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const exportAs = (
    format: "md" | "docx" | "pdf" | "ics",
    id = meetingId,
    document: "minutes" | "notice" = "minutes",
  ) =>
    database.db
      .transaction()
      .execute((tx) => exportMeeting(tx, { actor: SYSTEM, meetingId: id, format, document, baseUrl: undefined }));

  it("reads back from DOCX through mammoth with Word headings and roster tables", async () => {
    const file = await exportAs("docx");
    expect(file.contentType).toContain("wordprocessingml");
    const md = (await exportAs("md")).bytes.toString("utf8");
    const { value: html } = await mammoth.convertToHtml({ buffer: file.bytes });
    const network = md.split("\n")[0]?.slice(2) ?? "";
    expect(html).toContain(`<h1>${network}</h1>`);
    expect(html).toContain("<h2>Närvarande:</h2><table>");
    expect(html).toContain("<h2>Anteckningar</h2>");
    // Every roster line of the Markdown is a table row of the DOCX: the same people, the same municipalities.
    const rosterLines = md.split("\n").filter((l) => l.includes("\t"));
    expect(rosterLines.length).toBeGreaterThan(5);
    for (const line of rosterLines) {
      const [name, municipality] = line.split("\t");
      expect(html).toContain(`<tr><td><p>${name}</p></td><td><p>${municipality}</p></td></tr>`);
    }
    expect(html).toMatch(/<h3>[^<]+<\/h3>/);
    expect(html).toContain("<strong>Beslut: </strong>att ");
    expect(html).toContain("<p>Vid tangenterna</p><p>/");
  });

  it("prints an A4 PDF whose text keeps å, ä and ö, with page numbers", async () => {
    const file = await exportAs("pdf");
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(file.bytes);
    expect(text).toContain("Närvarande:");
    expect(text).toContain("Frånvarande:");
    expect(text).toContain("Övriga:");
    expect(text).toContain("Datum och tid:");
    expect(text).toContain("Beslut: att");
    expect(text).toMatch(/sida 1 av \d/);
    const info = execFileSync("pdfinfo", ["-"], { input: file.bytes, encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const fonts = execFileSync("pdffonts", ["-"], { input: file.bytes, encoding: "utf8" });
    for (const line of fonts.split("\n").slice(2).filter(Boolean)) expect(line).toMatch(/ yes +yes +yes /);
  });

  it("prints the notice with its agenda and the contact list, as DOCX and PDF", async () => {
    const notice = pdfText((await exportAs("pdf", upcomingId, "notice")).bytes);
    expect(notice).toMatch(/Kallelse till möte \d+ \p{L}+ \d{4}/u);
    expect(notice).toContain("Dagordning");
    expect(notice).toContain("1. Föregående anteckningar");
    const noticeDocx = await mammoth.convertToHtml({ buffer: (await exportAs("docx", upcomingId, "notice")).bytes });
    expect(noticeDocx.value).toContain("<h2>Dagordning</h2><ol><li><strong>Föregående anteckningar</strong>");

    const contacts = (format: "docx" | "pdf") =>
      database.db
        .transaction()
        .execute((tx) =>
          exportContactList(tx, { actor: SYSTEM, slug: "kultur-och-fritidschefsnatverket", format, today: TODAY }),
        );
    const pdf = pdfText((await contacts("pdf")).bytes);
    expect(pdf).toContain("Kontaktlista");
    expect(pdf).toContain("lena.o.brien@exempel.se");
    expect(pdf).toContain("Ängelholm");
    const docx = await mammoth.convertToHtml({ buffer: (await contacts("docx")).bytes });
    expect(docx.value).toContain("<th><p><strong>Namn</strong></p></th>");
    expect(docx.value).toContain("Lena O'Brien");
  });

  it("asks who is exporting: nobody signed in is refused, drafts need a member", async () => {
    const as = (actor: Actor, id: number) =>
      database.db
        .transaction()
        .execute((tx) => exportMeeting(tx, { actor, meetingId: id, format: "md", baseUrl: undefined }));
    await expect(as(ANONYMOUS, meetingId)).rejects.toMatchObject({ code: "unauthorized" });
    const reader = await buildUser(database.db);
    const readerActor: Actor = { userId: reader.id, personId: null, isAdmin: false, label: reader.email };
    expect((await as(readerActor, meetingId)).bytes.length).toBeGreaterThan(100);
    await expect(as(readerActor, draftId)).rejects.toMatchObject({ code: "forbidden" });
    const draft = await database.db
      .selectFrom("meetings")
      .select("network_id")
      .where("id", "=", draftId)
      .executeTakeFirstOrThrow();
    const person = await buildPerson(database.db, { name: "Åke Medlem" });
    await buildMembership(database.db, { personId: person.id, networkId: draft.network_id });
    const member = await buildUser(database.db, { personId: person.id });
    const memberActor: Actor = { userId: member.id, personId: person.id, isAdmin: false, label: member.email };
    expect((await as(memberActor, draftId)).bytes.toString()).toContain("## Anteckningar");
    await expect(as(memberActor, 99_999)).rejects.toMatchObject({ code: "not_found" });
  });
});
