import { describe, expect, it } from "vitest";
import { followUpTitle, isClosingItem, isPreviousMinutesItem, mergeAgenda } from "./agenda-rules.js";
import { computeSchedule } from "./agenda-times.js";

describe("agenda rules", () => {
  it("keeps closing items last when items are added", () => {
    const t = (title: string) => ({ title });
    const merged = mergeAgenda(
      [t("Föregående anteckningar"), t("Läget i kommunerna"), t("Övrigt")],
      [t("Budget"), t("Övriga frågor"), t("Tema: ungas hälsa")],
    );
    expect(merged.map((i) => i.title)).toEqual([
      "Föregående anteckningar",
      "Läget i kommunerna",
      "Budget",
      "Tema: ungas hälsa",
      "Övrigt",
      "Övriga frågor",
    ]);
    expect(mergeAgenda([], [t("A")]).map((i) => i.title)).toEqual(["A"]);
  });

  it("recognises closing items and the previous minutes item", () => {
    expect(isClosingItem("Övrigt")).toBe(true);
    expect(isClosingItem("övriga frågor")).toBe(true);
    expect(isClosingItem("Övrig ekonomi i regionen")).toBe(false);
    expect(isPreviousMinutesItem("Föregående anteckningar")).toBe(true);
    expect(isPreviousMinutesItem("Föregående protokoll")).toBe(true);
    expect(isPreviousMinutesItem("Anteckningar")).toBe(false);
  });

  it("shortens long action texts for follow-up titles", () => {
    expect(followUpTitle("Olle  skickar ut\njämförelsen.")).toBe("Uppföljning: Olle skickar ut jämförelsen.");
    expect(followUpTitle("x".repeat(200)).length).toBeLessThan(110);
  });
});

describe("computed agenda times", () => {
  it("gives each item its start and end from the meeting's start and the durations", () => {
    const s = computeSchedule("09:00:00", "12:00:00", [15, null, 30, 45]);
    expect(s.slots).toEqual([
      { start: "09:00", end: "09:15" },
      { start: "09:15", end: "09:15" },
      { start: "09:15", end: "09:45" },
      { start: "09:45", end: "10:30" },
    ]);
    expect(s.end).toBe("10:30");
    expect(s.totalMinutes).toBe(90);
    expect(s.overrunMinutes).toBe(0);
  });

  it("says how far an agenda runs past the meeting's end", () => {
    expect(computeSchedule("13:00", "15:30", [120, 60]).overrunMinutes).toBe(30);
  });

  it("has no times without a start time", () => {
    const s = computeSchedule(null, null, [10]);
    expect(s.slots).toEqual([{ start: null, end: null }]);
    expect(s.end).toBeNull();
  });
});
