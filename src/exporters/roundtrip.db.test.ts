// Enable after the importer is merged: rename to roundtrip.db.test.ts.
// Every demo meeting exported as Markdown and as DOCX, read back with the importer, gives back the
// same meeting: date, times, location, attendees (status, municipality or role, chair), item titles,
// decisions and note-taker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { renderMeetingFile } from "../commands/exportMeeting.js";
import { loadDemoData } from "../commands/loadDemoData.js";
import type { Database } from "../db/client.js";
import { loadMeetingDoc } from "../db/queries/exports.js";
import { readMinutes } from "../importers/read.js";
import type { MeetingDoc } from "./model.js";

const TODAY = "2025-11-20";

/** What the exported document should give back, in the importer's words. */
function expected(doc: MeetingDoc) {
  return {
    network: doc.network,
    date: doc.date,
    startTime: doc.startTime,
    endTime: doc.endTime,
    location: doc.location,
    noteTaker: doc.noteTaker,
    attendees: doc.attendees.map((a) => ({
      name: a.name,
      // "förhinder" is printed under Frånvarande, so it reads back as absent
      status: a.status === "excused" ? "absent" : a.status,
      municipality: a.status === "guest" ? null : a.municipality,
      role: a.status === "guest" ? (a.role ?? a.municipality) : null,
      chair: a.chair,
    })),
    items: doc.items.map((i) => ({ title: i.title, decisions: i.decisions })),
  };
}

type Imported = Awaited<ReturnType<typeof readMinutes>>;

function actual(m: Imported) {
  return {
    network: m.network,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    location: m.location,
    noteTaker: m.noteTaker,
    attendees: m.attendees.map((a) => ({
      name: a.name,
      status: a.status,
      municipality: a.status === "guest" ? null : a.municipality,
      role: a.status === "guest" ? a.role : null,
      chair: a.chair,
    })),
    items: m.items.map((i) => ({ title: i.title, decisions: i.decisions })),
  };
}

// The order inside each roster group is kept; groups are compared as sets of people.
const byName = <T extends { name: string; status: string }>(xs: T[]) =>
  [...xs].sort((a, b) => `${a.status}${a.name}`.localeCompare(`${b.status}${b.name}`, "sv"));

describe("exported minutes read back as the same meeting", () => {
  let database: Database;
  let docs: MeetingDoc[];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.transaction().execute((tx) => loadDemoData(tx, { today: TODAY }));
    const ids = await database.db
      .selectFrom("meetings")
      .select("id")
      .where("state", "in", ["held", "minutes_draft", "approved"])
      .orderBy("id")
      .execute();
    docs = [];
    for (const { id } of ids) {
      const doc = await loadMeetingDoc(database.db, id);
      if (doc) docs.push(doc);
    }
    expect(docs.length).toBeGreaterThan(20);
  });
  afterAll(() => database.close());

  for (const format of ["md", "docx"] as const) {
    it(`round-trips every demo meeting through ${format}`, async () => {
      for (const doc of docs) {
        const file = await renderMeetingFile(doc, { format, document: "minutes", baseUrl: undefined });
        const imported = await readMinutes({ bytes: file.bytes, filename: file.filename });
        const want = expected(doc);
        const got = actual(imported);
        const where = `${file.filename} (meeting ${doc.meetingId})`;
        expect({ ...got, attendees: byName(got.attendees) }, where).toEqual({
          ...want,
          attendees: byName(want.attendees),
        });
      }
    });
  }
});
