import { describe, expect, it } from "vitest";
import { isSpellingVariant, looksLikePersonName, matchPerson, NameIndex } from "./names.js";
import { tokenize } from "./text.js";

const roster = [
  { name: "Vera Lundqvist", municipality: "Lomma" },
  { name: "Tor Edholm", municipality: "Eslöv" },
  { name: "Tor Bengtsson", municipality: "Hörby" },
  { name: "Maj-Britt Kurdell", municipality: "Skurup" },
  { name: "Gustav af Rosen", municipality: "Sjöbo" },
  { name: "Amira Haddad Nilsson", municipality: "Osby" },
];
const index = new NameIndex(roster, [
  { id: 7, name: "Ebba Strömqvist", aliases: ["Ebba Strömkvist"], municipality: "Lund" },
]);
const person = (name: string) => ({ kind: "person", name, via: "roster" });

describe("NameIndex", () => {
  it("finds full names, first names and initials on the roster", () => {
    expect(index.resolve("Vera Lundqvist")).toEqual(person("Vera Lundqvist"));
    expect(index.resolve("vera lundqvist")).toEqual(person("Vera Lundqvist"));
    expect(index.resolve("Vera")).toEqual(person("Vera Lundqvist"));
    expect(index.resolve("VL")).toEqual(person("Vera Lundqvist"));
    expect(index.resolve("Maj-Britt")).toEqual(person("Maj-Britt Kurdell"));
  });

  it("ignores diacritics and tolerates one wrong letter in the surname", () => {
    expect(index.resolve("Vera Lundkvist")).toEqual(person("Vera Lundqvist"));
    expect(index.resolve("Maj-Britt Kurdel")).toEqual(person("Maj-Britt Kurdell"));
    expect(index.resolve("Gustav af Rosén")).toEqual(person("Gustav af Rosen"));
  });

  it("allows two edits only when the municipality agrees", () => {
    expect(index.resolve("Vera Lundgvst").kind).toBe("unknown");
    expect(index.resolve("Vera Lundgvst", "Lomma")).toEqual(person("Vera Lundqvist"));
  });

  it("knows double surnames by either part", () => {
    expect(index.resolve("Amira Nilsson")).toEqual(person("Amira Haddad Nilsson"));
    expect(index.resolve("Amira Haddad")).toEqual(person("Amira Haddad Nilsson"));
    expect(index.resolve("AHN")).toEqual(person("Amira Haddad Nilsson"));
  });

  it("does not choose between two people with the same first name", () => {
    expect(index.resolve("Tor")).toEqual({ kind: "ambiguous", candidates: ["Tor Edholm", "Tor Bengtsson"] });
    expect(index.resolve("Tor Edholm")).toEqual(person("Tor Edholm"));
    expect(index.resolve("Tor Bengtsson")).toEqual(person("Tor Bengtsson"));
  });

  it("falls back to known people and their aliases, but never by first name alone", () => {
    expect(index.resolve("Ebba Strömkvist")).toEqual({
      kind: "person",
      name: "Ebba Strömqvist",
      via: "known",
      knownId: 7,
    });
    expect(index.resolve("Ebba Stromqvist")).toMatchObject({ name: "Ebba Strömqvist", via: "known" });
    expect(index.resolve("Ebba").kind).toBe("unknown");
  });

  it("finds the longest name at a position in a sentence", () => {
    const text = "Till mötet kommer Amira Haddad Nilsson och VL.";
    const tokens = tokenize(text);
    const at = tokens.findIndex((t) => t.text === "Amira");
    expect(index.mentionAt(tokens, at, text)).toMatchObject({ written: "Amira Haddad Nilsson" });
    const vl = tokens.findIndex((t) => t.text === "VL");
    expect(index.mentionAt(tokens, vl, text)?.resolution).toEqual(person("Vera Lundqvist"));
    expect(index.mentionAt(tokens, 0, text)).toBeNull();
  });
});

describe("isSpellingVariant", () => {
  it("accepts one edit, two only within the same municipality, never another first name", () => {
    expect(isSpellingVariant("Filip Karve", "Filip Kaarve", false)).toBe(true);
    expect(isSpellingVariant("Nina Johansson", "Nina Jonsson", false)).toBe(false);
    expect(isSpellingVariant("Nina Johansson", "Nina Jonsson", true)).toBe(true);
    expect(isSpellingVariant("Nina Berg", "Nina Borg", true)).toBe(false);
    expect(isSpellingVariant("Nina Lindberg", "Nils Lindberg", true)).toBe(false);
  });
});

describe("looksLikePersonName", () => {
  it.each([
    ["Vera Lundqvist", true],
    ["Gustav af Rosen", true],
    ["Anna-Karin Öst", true],
    ["Nora Berg", true],
    ["Region Skåne", false],
    ["Familjen Helsingborg", false],
    ["Upplands Väsby", false],
    ["Förbundschef Medelpunkten", false],
    ["Föregående anteckningar", false],
    ["Vera", false],
    ["NSK SKR", false],
  ])("%s → %s", (s, want) => {
    expect(looksLikePersonName(s)).toBe(want);
  });
});

describe("matchPerson", () => {
  const stored = [
    { id: 1, name: "Vera Lundqvist", aliases: ["Vera Lundkvist"], municipality: "Lomma" },
    { id: 2, name: "Tor Edholm", aliases: [], municipality: "Eslöv" },
    { id: 3, name: "Tor Edholm", aliases: [], municipality: "Hörby" },
    { id: 4, name: "Nina Johansson", aliases: [], municipality: "Båstad" },
  ];

  it("matches names and aliases exactly, ignoring case and diacritics", () => {
    expect(matchPerson("vera lundkvist", null, stored)).toMatchObject({
      kind: "match",
      person: { id: 1 },
      exact: true,
    });
  });

  it("matches a spelling variant and says it is not exact", () => {
    expect(matchPerson("Vera Lundqvst", "Lomma", stored)).toMatchObject({
      kind: "match",
      person: { id: 1 },
      exact: false,
    });
  });

  it("tells namesakes apart by municipality, and otherwise refuses to guess", () => {
    expect(matchPerson("Tor Edholm", "Hörby", stored)).toMatchObject({ kind: "match", person: { id: 3 } });
    expect(matchPerson("Tor Edholm", null, stored)).toMatchObject({ kind: "ambiguous" });
  });

  it("keeps two people apart when the surname differs by two letters and the municipality too", () => {
    expect(matchPerson("Nina Jonsson", "Landskrona", stored)).toEqual({ kind: "none" });
    expect(matchPerson("Nina Jonsson", "Båstad", stored)).toMatchObject({ kind: "match", person: { id: 4 } });
  });
});
