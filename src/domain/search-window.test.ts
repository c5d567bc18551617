import { describe, expect, it } from "vitest";
import { monthToken, nextWindow, searchWindows, windowTsquery } from "./search-window.js";

describe("search windows", () => {
  const windows = searchWindows("2021-02-15");

  it("widens from months to years, newest first, across a new year", () => {
    expect(windows.map((w) => w.months)).toEqual([1, 3, 6, 12, 24, 38, 86, 182]);
    expect(windows[0]).toEqual({ months: 1, tokens: ["§m2021-02"], since: "2021-02-01" });
    expect(windows[1]).toEqual({ months: 3, tokens: ["§m2021-02", "§m2021-01", "§m2020-12"], since: "2020-12-01" });
    expect(windows[3]?.tokens).toHaveLength(12);
    expect(windows[3]?.since).toBe("2020-03-01");
    expect(windows[5]).toEqual({ months: 38, tokens: ["§y2021", "§y2020", "§y2019", "§y2018"], since: "2018-01-01" });
    expect(monthToken("2021-02-15")).toBe("§m2021-02");
  });

  it("jumps as far as the density of hits so far says is needed", () => {
    expect(nextWindow(windows, 1, 100, 200)?.months).toBe(3);
    expect(nextWindow(windows, 3, 50, 200)?.months).toBe(12);
    expect(nextWindow(windows, 3, 5, 200)?.months).toBe(182);
    expect(nextWindow(windows, 3, 1, 200)).toBeNull();
    expect(nextWindow(windows, 1, 0, 200)).toBeNull();
    expect(nextWindow(windows, 1, 10, 200)?.months).toBe(24);
    expect(nextWindow(windows, 12, 1, 200)).toBeNull();
    expect(nextWindow(windows, 182, 150, 200)).toBeNull();
  });

  it("writes the window as an OR of quoted tokens", () => {
    expect(windowTsquery({ months: 3, tokens: ["§y2021", "§y2020"], since: "2020-01-01" })).toBe("'§y2021' | '§y2020'");
  });
});
