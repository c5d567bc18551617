import { describe, expect, it } from "vitest";
import { findDates, isValidDate, parseDate, parseDateTime, parseTimeRange } from "./dates.js";

describe("parseDate", () => {
  it.each([
    ["2020-12-10", "2020-12-10"],
    ["möte 20201210", "2020-12-10"],
    ["den 6 mars 2020", "2020-03-06"],
    ["6:e mars 2020", "2020-03-06"],
    ["March 6, 2020", "2020-03-06"],
    ["6 March 2020", "2020-03-06"],
    ["7/2 2021", "2021-02-07"],
    ["fredag 2020-3-6", "2020-03-06"],
  ])("reads %s", (text, want) => {
    expect(parseDate(text)).toBe(want);
  });

  it("takes the year of a short date from the meeting, rolling into next year when earlier", () => {
    expect(parseDate("till nästa träff den 7/2", { meetingDate: "2020-01-10" })).toBe("2020-02-07");
    expect(parseDate("till den 14/1", { meetingDate: "2023-12-08" })).toBe("2024-01-14");
    expect(parseDate("den 12 mars", { meetingDate: "2024-02-01" })).toBe("2024-03-12");
  });

  it("reports dates that do not exist instead of throwing", () => {
    const problems: string[] = [];
    expect(parseDate("senast 31/2", { meetingDate: "2024-01-01" }, (p) => problems.push(p))).toBeNull();
    expect(problems).toEqual(['"31/2" är inget giltigt datum']);
    expect(parseDate("2021-02-29")).toBeNull();
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
    expect(findDates("den 7/2")[0]?.problem).toMatch(/saknar år/);
  });

  it("does not take fractions of years, sums or numbers for dates", () => {
    expect(parseDate("Ordförandeskap 2021/2022")).toBeNull();
    expect(parseDate("2,3 mkr av totalt 13 mkr")).toBeNull();
    expect(parseDate("ca 900 registrerade")).toBeNull();
  });

  it("knows leap years", () => {
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2023, 4, 31)).toBe(false);
  });
});

describe("times", () => {
  it.each([
    ["2020-03-06 kl. 9-12", "2020-03-06", "09:00", "12:00"],
    ["2020-04-17 kl 9.30-11", "2020-04-17", "09:30", "11:00"],
    ["2020-04-17 9.30–11", "2020-04-17", "09:30", "11:00"],
    ["12 mars 2024, kl 13.00 – 15.30", "2024-03-12", "13:00", "15:30"],
    ["2024-03-12 klockan 13", "2024-03-12", "13:00", null],
    ["2021-08-27", "2021-08-27", null, null],
  ])("reads %s", (text, date, start, end) => {
    expect(parseDateTime(text)).toEqual({ date, start, end, problems: [] });
  });

  it("leaves out an end before the start and impossible hours", () => {
    expect(parseTimeRange("kl 15-9")).toEqual({ start: "15:00", end: null });
    expect(parseTimeRange("kl 27-28")).toEqual({ start: null, end: null });
  });

  it("does not read a bare number as a time", () => {
    expect(parseTimeRange("rum 12")).toEqual({ start: null, end: null });
  });
});
