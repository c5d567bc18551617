import { describe, expect, it } from "vitest";
import { parseCorrections } from "./import-corrections.js";

const form = (over: Record<string, string>) => ({
  attendee_count: "1",
  item_count: "0",
  a_0_name: "Anna Ek",
  a_0_status: "present",
  ...over,
});

describe("reading the import review form", () => {
  it("is null for a bare save and incomplete when the counts are missing", () => {
    expect(parseCorrections({})).toEqual({ ok: true, data: null });
    expect(parseCorrections({ attendee_count: "x" })).toMatchObject({ ok: false, incomplete: true });
  });

  it("refuses a wrong format and a date that does not exist, each on its field", () => {
    const wrong = parseCorrections(form({ date: "5 maj", start_time: "9" }));
    expect(wrong).toMatchObject({
      ok: false,
      errors: { date: "Skriv datumet som ÅÅÅÅ-MM-DD.", start_time: "Skriv tiden som TT:MM." },
    });
    const missing = parseCorrections(form({ date: "2021-02-31", end_time: "25:00" }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.errors.date).toContain("finns inte");
      expect(missing.errors.end_time).toContain("finns inte");
    }
  });

  it("reads a person choice, a merge and the chair box", () => {
    const r = parseCorrections({
      ...form({ a_0_person: "new", a_0_chair: "on" }),
      attendee_count: "2",
      a_1_name: "A. Ek",
      a_1_status: "present",
      a_1_merge: "0",
      date: "2021-03-04",
    });
    expect(r.ok && r.data?.attendees.map((a) => [a.person, a.chair, a.mergeInto])).toEqual([
      ["new", true, null],
      ["auto", false, 0],
    ]);
    expect(r.ok && r.data?.date).toBe("2021-03-04");
  });
});
