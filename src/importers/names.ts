import { KNOWN_PLACES, NOT_NAME_WORDS, ORGANISATION_PREFIX, ROLE_WORD } from "./lexicon.js";
import type { KnownPerson } from "./schema.js";
import { editDistance, fold, isCapitalised, type Token } from "./text.js";

/** A person on the document's roster. */
export type RosterPerson = { name: string; municipality: string | null };

/** What a written name refers to. */
export type Resolution =
  | { kind: "person"; name: string; via: "roster" | "known"; knownId?: number }
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "unknown" };

type Entry = {
  name: string;
  tokens: string[];
  municipality: string | null;
  knownId?: number;
};

/**
 * True when two spellings are one person's name: same first name and a surname at most one
 * edit apart, or two when both are known to represent the same municipality ("Kurve"/"Kurdve").
 */
export function isSpellingVariant(a: string, b: string, sameMunicipality: boolean): boolean {
  const ta = fold(a).split(" ");
  const tb = fold(b).split(" ");
  if (ta.length < 2 || tb.length < 2 || ta[0] !== tb[0]) return false;
  const sa = ta.slice(1).join(" ");
  const sb = tb.slice(1).join(" ");
  if (sa === sb) return true;
  const limit = sameMunicipality ? 2 : 1;
  // Short surnames differ by one letter between different people (Berg/Borg): demand length.
  if (Math.min(sa.length, sb.length) < 5) return false;
  return editDistance(sa, sb, limit) <= limit;
}

function initialsOf(tokens: string[]): string[] {
  const all = tokens.map((t) => t[0] ?? "").join("");
  const out = [all];
  if (tokens.length > 2) out.push(`${tokens[0]?.[0] ?? ""}${tokens[tokens.length - 1]?.[0] ?? ""}`);
  return out;
}

const PARTICLE = /^(?:von|af|de|van|der|den|la|du|da|di|el)$/;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const uniqueNames = (entries: Entry[]) => [...new Set(entries.map((e) => e.name))];

/** True for a place or organisation name rather than a person ("Helsingborg", "Region Skåne"). */
export function isPlaceName(s: string): boolean {
  const t = s.trim();
  return KNOWN_PLACES.has(t.toLowerCase()) || ORGANISATION_PREFIX.test(t);
}

/**
 * True when the words look like a person's full name: two to four capitalised words (particles
 * such as "von" allowed), no digits, not a known place and not a title.
 */
export function looksLikePersonName(s: string): boolean {
  const t = s.trim();
  if (t.length < 4 || t.length > 60 || /[\d:;/()@]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (NOT_NAME_WORDS.has((words[0] as string).toLowerCase())) return false;
  if (isPlaceName(t) || ROLE_WORD.test(t)) return false;
  return words.every(
    (w, i) =>
      (/^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*\.?$/u.test(w) && !(i === 0 && w.endsWith("."))) ||
      (i > 0 && i < words.length - 1 && PARTICLE.test(w)),
  );
}

/** Resolves names written in minutes: the document's roster first, then people already known. */
export class NameIndex {
  private readonly rosterByFull = new Map<string, Entry[]>();
  private readonly rosterByFirst = new Map<string, Entry[]>();
  private readonly rosterByInitials = new Map<string, Entry[]>();
  private readonly rosterEntries: Entry[] = [];
  private readonly knownByFull = new Map<string, Entry[]>();
  private readonly knownEntries: Entry[] = [];
  private readonly cache = new Map<string, Resolution>();

  constructor(roster: RosterPerson[], known: KnownPerson[] = []) {
    const seen = new Set<string>();
    for (const p of roster) {
      const f = fold(p.name);
      if (!f || seen.has(f)) continue;
      seen.add(f);
      const e: Entry = { name: p.name, tokens: f.split(" "), municipality: p.municipality };
      this.rosterEntries.push(e);
      push(this.rosterByFull, f, e);
      push(this.rosterByFirst, e.tokens[0] as string, e);
      if (e.tokens.length >= 2) for (const i of initialsOf(e.tokens)) push(this.rosterByInitials, i, e);
    }
    for (const k of known) {
      for (const spelling of [k.name, ...k.aliases]) {
        const f = fold(spelling);
        if (!f) continue;
        const e: Entry = { name: k.name, tokens: f.split(" "), municipality: k.municipality, knownId: k.id };
        this.knownEntries.push(e);
        push(this.knownByFull, f, e);
      }
    }
  }

  /** Who a written name is; municipality, when the text gives one, allows a looser spelling match. */
  resolve(written: string, municipality: string | null = null): Resolution {
    const key = `${written}\u0000${municipality ?? ""}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const r = this.lookup(written.trim(), municipality);
    if (this.cache.size < 10_000) this.cache.set(key, r);
    return r;
  }

  private lookup(written: string, municipality: string | null): Resolution {
    const f = fold(written);
    if (!f || f.length > 80) return { kind: "unknown" };
    const tokens = f.split(" ");
    const fromRoster = this.match(f, tokens, written, municipality, this.rosterEntries, this.rosterByFull, true);
    if (fromRoster.kind !== "unknown") return fromRoster;
    return this.match(f, tokens, written, municipality, this.knownEntries, this.knownByFull, false);
  }

  private match(
    f: string,
    tokens: string[],
    written: string,
    municipality: string | null,
    entries: Entry[],
    byFull: Map<string, Entry[]>,
    isRoster: boolean,
  ): Resolution {
    const via = isRoster ? "roster" : "known";
    const result = (hits: Entry[]): Resolution => {
      const names = uniqueNames(hits);
      if (names.length === 1) {
        const hit = hits[0] as Entry;
        return hit.knownId === undefined
          ? { kind: "person", name: hit.name, via }
          : { kind: "person", name: hit.name, via, knownId: hit.knownId };
      }
      return names.length > 1 ? { kind: "ambiguous", candidates: names } : { kind: "unknown" };
    };
    const exact = byFull.get(f);
    if (exact) return result(exact);
    if (tokens.length >= 2) {
      const muni = municipality ? fold(municipality) : null;
      const hits = entries.filter((e) => {
        if (e.tokens[0] !== tokens[0] || e.tokens.length < 2) return false;
        // "Annette Mohlin" or "Annette Lindberg" for "Annette Lindberg Mohlin".
        if (e.tokens.length > tokens.length) {
          if (e.tokens[e.tokens.length - 1] === tokens[tokens.length - 1]) return true;
          if (tokens.every((t, i) => e.tokens[i] === t)) return true;
        }
        const same = muni !== null && e.municipality !== null && fold(e.municipality) === muni;
        return isSpellingVariant(e.tokens.join(" "), f, same);
      });
      return result(hits);
    }
    if (!isRoster) return { kind: "unknown" };
    if (/^\p{Lu}{2,3}$/u.test(written)) {
      const hits = this.rosterByInitials.get(f);
      if (hits) return result(hits);
      return { kind: "unknown" };
    }
    const hits = this.rosterByFirst.get(f);
    return hits ? result(hits) : { kind: "unknown" };
  }

  /**
   * The longest name starting at token i (up to four words), resolved, or a capitalised
   * two-to-three-word name that resolves to no one. Null when no name starts there.
   */
  mentionAt(tokens: Token[], i: number, text: string): { end: number; written: string; resolution: Resolution } | null {
    const first = tokens[i];
    if (!first?.word || !isCapitalised(first.text)) return null;
    if (NOT_NAME_WORDS.has(first.text.toLowerCase())) return null;
    let unknownCandidate: { end: number; written: string } | null = null;
    for (let len = 4; len >= 1; len--) {
      const last = tokens[i + len - 1];
      if (!last) continue;
      let ok = true;
      for (let k = i; k < i + len; k++) {
        const t = tokens[k] as Token;
        // Words of one name are separated by single spaces only.
        if (!t.word || (k > i && t.start !== (tokens[k - 1] as Token).end + 1)) ok = false;
        else if (k > i && !isCapitalised(t.text) && !(k < i + len - 1 && PARTICLE.test(t.text))) ok = false;
      }
      if (!ok) continue;
      const written = text.slice(first.start, last.end);
      const r = this.resolve(written);
      if (r.kind !== "unknown") return { end: i + len, written, resolution: r };
      if (!unknownCandidate && len >= 2 && len <= 3 && looksLikePersonName(written)) {
        unknownCandidate = { end: i + len, written };
      }
    }
    return unknownCandidate ? { ...unknownCandidate, resolution: { kind: "unknown" } } : null;
  }
}

/** Someone already stored, with the other spellings seen for them. */
export type StoredPerson = { id: number; name: string; aliases: string[]; municipality: string | null };

/** How a written name relates to the people already stored. */
export type PersonMatch =
  | { kind: "match"; person: StoredPerson; exact: boolean }
  | { kind: "ambiguous"; candidates: StoredPerson[] }
  | { kind: "none" };

/**
 * Finds the stored person a roster name (with its municipality) is: the same name or a known
 * alias first, then a spelling variant. Two candidates are told apart by municipality; when that
 * does not settle it the answer is "ambiguous", never a guess.
 */
export function matchPerson(name: string, municipality: string | null, people: StoredPerson[]): PersonMatch {
  const f = fold(name);
  const muni = municipality ? fold(municipality) : null;
  const sameMuni = (p: StoredPerson) => muni !== null && p.municipality !== null && fold(p.municipality) === muni;
  const decide = (hits: StoredPerson[], exact: boolean): PersonMatch | null => {
    const unique = [...new Map(hits.map((p) => [p.id, p])).values()];
    if (unique.length === 0) return null;
    if (unique.length === 1) return { kind: "match", person: unique[0] as StoredPerson, exact };
    const local = unique.filter(sameMuni);
    if (local.length === 1) return { kind: "match", person: local[0] as StoredPerson, exact };
    return { kind: "ambiguous", candidates: unique };
  };
  const spellings = (p: StoredPerson) => [p.name, ...p.aliases];
  const exact = decide(
    people.filter((p) => spellings(p).some((s) => fold(s) === f)),
    true,
  );
  if (exact) return exact;
  const variants = decide(
    people.filter((p) => spellings(p).some((s) => isSpellingVariant(s, name, sameMuni(p)))),
    false,
  );
  return variants ?? { kind: "none" };
}
