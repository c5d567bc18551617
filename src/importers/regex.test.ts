import { describe, expect, it } from "vitest";
import { u } from "./regex.js";

describe("u", () => {
  it("makes \\b work next to å, ä and ö", () => {
    expect(/\bfå\b/u.test("vi få se")).toBe(false);
    expect(u(/\bfå\b/u).test("vi få se")).toBe(true);
    expect(u(/\bfå\b/u).test("fåtal")).toBe(false);
    expect(u(/\bårets\b/iu).test("Årets plan")).toBe(true);
    expect(u(/\bårets\b/iu).test("förårets")).toBe(false);
  });

  it("keeps alternations, groups and escaped backslashes", () => {
    const re = u(/^(?:ska|kommer)\b|\\b/iu);
    expect(re.test("Ska vi")).toBe(true);
    expect(re.test("skall")).toBe(false);
    expect(re.test("a\\b")).toBe(true);
  });
});

describe("u after quantifiers", () => {
  it("opens a word after optional characters", () => {
    expect(u(/\s*[,(]?\s*\b(?:ordf)/iu).test("Vera Lund (ordf.)")).toBe(true);
    expect(u(/x\s*\bkl/iu).test("x kl")).toBe(true);
    expect(u(/mars\b\.?/iu).test("mars.")).toBe(true);
  });
});
