import { describe, expect, it } from "vitest";
import { parseDateInput, parseTimeInput } from "./date-input.js";

describe("reading typed dates and times", () => {
  it("accepts ISO dates and Swedish day/month/year", () => {
    expect(parseDateInput("2025-03-14")).toEqual({ ok: true, value: "2025-03-14" });
    expect(parseDateInput(" 2025-3-4 ")).toEqual({ ok: true, value: "2025-03-04" });
    expect(parseDateInput("14/3/2025")).toEqual({ ok: true, value: "2025-03-14" });
    expect(parseDateInput("14.3.2025")).toEqual({ ok: true, value: "2025-03-14" });
    expect(parseDateInput("29/2/2024")).toEqual({ ok: true, value: "2024-02-29" });
  });

  it("refuses dates that do not exist instead of rolling them over", () => {
    for (const s of ["2025-02-31", "31/2/2025", "2025-13-01", "2025-00-10", "29/2/2025", "2025-04-31"]) {
      const r = parseDateInput(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.message).toContain("finns inte");
    }
  });

  it("explains the format when the text is not a date at all", () => {
    for (const s of ["31/2", "imorgon", "2025/03/14x", ""]) {
      const r = parseDateInput(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/ÅÅÅÅ-MM-DD|Skriv ett datum/);
    }
    expect(parseDateInput("1066-10-14").ok).toBe(false);
  });

  it("accepts the usual ways of writing a time", () => {
    expect(parseTimeInput("09:30")).toEqual({ ok: true, value: "09:30" });
    expect(parseTimeInput("9.30")).toEqual({ ok: true, value: "09:30" });
    expect(parseTimeInput("0930")).toEqual({ ok: true, value: "09:30" });
    expect(parseTimeInput("9")).toEqual({ ok: true, value: "09:00" });
    expect(parseTimeInput("13:00:00")).toEqual({ ok: true, value: "13:00" });
  });

  it("refuses times that do not exist", () => {
    expect(parseTimeInput("25:00")).toMatchObject({ ok: false, message: expect.stringContaining("finns inte") });
    expect(parseTimeInput("12:75")).toMatchObject({ ok: false, message: expect.stringContaining("finns inte") });
    expect(parseTimeInput("kvart över nio")).toMatchObject({ ok: false, message: expect.stringContaining("TT:MM") });
  });
});
