import { describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS, MAX_WORDS, parseSearchQuery } from "./search-query.js";

describe("parseSearchQuery", () => {
  it("matches the last word as a prefix while it is being typed", () => {
    const q = parseSearchQuery("beslut medelpu");
    expect(q.websearch).toBe("beslut");
    expect(q.prefix).toBe("medelpu");
    expect(q.words).toEqual(["beslut", "medelpu"]);
    expect(q.problem).toBeNull();
  });

  it("matches every word whole once a space follows, and short last words whole", () => {
    expect(parseSearchQuery("socialjour ").prefix).toBeNull();
    expect(parseSearchQuery("socialjour ").websearch).toBe("socialjour");
    expect(parseSearchQuery("nyby ab").prefix).toBeNull();
    expect(parseSearchQuery("nyby ab").websearch).toBe("nyby ab");
  });

  it("keeps phrases and exclusions in web-search syntax, rebuilt from clean words", () => {
    const q = parseSearchQuery('"social jour" -Medelpunkten nyby');
    expect(q.websearch).toBe('"social jour" -medelpunkten');
    expect(q.prefix).toBe("nyby");
    expect(q.excluded).toEqual(["medelpunkten"]);
    expect(q.words).toEqual(["social", "jour", "nyby"]);
  });

  it("treats an unclosed quote as a phrase to the end and never as a prefix", () => {
    const q = parseSearchQuery('"gemensam famil');
    expect(q.websearch).toBe('"gemensam famil"');
    expect(q.prefix).toBeNull();
  });

  it("supports or between words but drops a dangling or", () => {
    expect(parseSearchQuery("nyby or skype ").websearch).toBe("nyby or skype");
    expect(parseSearchQuery("or nyby or ").websearch).toBe("nyby");
  });

  it("reduces SQL and tsquery syntax to plain words", () => {
    const q = parseSearchQuery("'; DROP TABLE meetings; -- & !x | (a:*) <-> \\");
    expect(q.problem).toBeNull();
    expect(q.websearch).not.toMatch(/[;'&!|():<>\\*]/);
    expect(q.words).toEqual(["drop", "table", "meetings", "x", "a"]);
  });

  it("splits words on slashes and hyphens as the text parser does", () => {
    expect(parseSearchQuery("ÄO/LSS vo-college").words).toEqual(["äo", "lss", "vo", "college"]);
  });

  it("answers empty, blank and punctuation-only queries with a calm problem", () => {
    for (const raw of ["", "   ", "!!! ??? ...", "--- *** ''' \"\"", "-"]) {
      const q = parseSearchQuery(raw);
      expect(q.problem, raw).toMatch(/Skriv ett eller flera ord/);
      expect(q.websearch).toBe("");
      expect(q.prefix).toBeNull();
    }
  });

  it("refuses a query that only excludes", () => {
    expect(parseSearchQuery("-medelpunkten").problem).toMatch(/inte bara ord som ska uteslutas/);
  });

  it("cuts absurdly long queries and says so", () => {
    const q = parseSearchQuery("socialjour ".repeat(1000));
    expect(q.truncated).toBe(true);
    expect(q.words.length).toBeLessThanOrEqual(MAX_WORDS);
    expect(q.prefix).toBeNull();
    const one = parseSearchQuery("a".repeat(10_000));
    expect(one.problem).not.toBeNull();
    expect(one.truncated).toBe(true);
    expect(parseSearchQuery("nyby ".padEnd(MAX_QUERY_CHARS)).truncated).toBe(false);
  });

  it("drops pasted junk words longer than any real word", () => {
    const q = parseSearchQuery(`nyby ${"q".repeat(80)} `);
    expect(q.words).toEqual(["nyby"]);
    expect(q.truncated).toBe(true);
  });

  it("notices when the query names decisions or actions", () => {
    expect(parseSearchQuery("beslut medelpunkten").kindHints).toEqual(["decision"]);
    expect(parseSearchQuery("uppdraget Linda").kindHints).toEqual(["action"]);
    expect(parseSearchQuery("socialjour").kindHints).toEqual([]);
  });
});
