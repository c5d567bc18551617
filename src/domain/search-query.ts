// What a person types into a search box, turned into safe parts for PostgreSQL's full-text search.
// User text never reaches to_tsquery: only words made of letters and digits do, and the web-search
// syntax (phrases in quotes, -exclusion, or) is rebuilt from those words for websearch_to_tsquery.

/** Longer queries are cut here: nobody types more, and a huge query only costs time. */
export const MAX_QUERY_CHARS = 200;
/** At most this many words are searched for. */
export const MAX_WORDS = 12;
/** Longer "words" are noise (pasted hashes, base64) and are dropped. */
export const MAX_WORD_CHARS = 60;
/** A last word shorter than this is matched whole: a prefix of a few letters matches half the archive. */
export const MIN_PREFIX_CHARS = 4;

/** Which kind of hit a word in the query asks for ("beslut om ...", "uppdrag ..."). */
export type KindHint = "decision" | "action";

/** A query split into the parts the search SQL needs. */
export type ParsedQuery = {
  /** Sanitised text in web-search syntax (words, "phrases", -exclusions, or), without the prefix word. */
  websearch: string;
  /** The last word, matched as a prefix because it may still be being typed; null when none. */
  prefix: string | null;
  /** Every word that must or may match (not the excluded ones), lower case, in order. */
  words: string[];
  /** Words that must not occur. */
  excluded: string[];
  /** Kinds the query names by word, so hits of that kind rank first. */
  kindHints: KindHint[];
  /** True when the query was longer than the limits and was cut. */
  truncated: boolean;
  /** Why nothing can be searched for, in Swedish; null when the query is usable. */
  problem: string | null;
};

const WORD = /[\p{L}\p{N}]+/gu;

type Token =
  | { type: "word"; value: string }
  | { type: "phrase"; words: string[] }
  | { type: "exclude"; value: string }
  | { type: "or" };

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Splits raw input into words, phrases, exclusions and "or", dropping everything else. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === '"' || ch === "”" || ch === "“") {
      const end = input.slice(i + 1).search(/["”“]/);
      const inner = end === -1 ? input.slice(i + 1) : input.slice(i + 1, i + 1 + end);
      const words = wordsOf(inner);
      if (words.length === 1) tokens.push({ type: "word", value: words[0] as string });
      else if (words.length > 1) tokens.push({ type: "phrase", words });
      i = end === -1 ? input.length : i + end + 2;
      continue;
    }
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    // A chunk up to the next space or quote: "-ord", "ÄO/LSS", "e-tjänster", "'; DROP".
    const rest = input.slice(i);
    const chunk = rest.slice(0, rest.search(/[\s"”“]|$/u));
    i += chunk.length;
    const exclude = chunk.startsWith("-") && /^-[\p{L}\p{N}]/u.test(chunk);
    const words = wordsOf(chunk);
    if (exclude && words.length > 0) {
      for (const w of words) tokens.push({ type: "exclude", value: w });
      continue;
    }
    for (const w of words) tokens.push(w === "or" ? { type: "or" } : { type: "word", value: w });
  }
  return tokens;
}

/** Removes "or" where web-search syntax would read it as a word or a dangling operator. */
function tidyOr(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.type === "or" && (out.length === 0 || out.at(-1)?.type === "or")) continue;
    out.push(t);
  }
  while (out.at(-1)?.type === "or") out.pop();
  return out;
}

function kindHintsOf(words: string[]): KindHint[] {
  const hints = new Set<KindHint>();
  for (const w of words) {
    if (/^beslut(et|en|s)?$/.test(w)) hints.add("decision");
    if (/^uppdrag(et|en)?$/.test(w)) hints.add("action");
  }
  return [...hints];
}

/**
 * Parses a search query. Never throws: empty, absurd or hostile input gives `problem` (a calm
 * message) or a cut-down query with `truncated` set.
 */
export function parseSearchQuery(raw: string): ParsedQuery {
  const text = raw.normalize("NFC");
  const truncatedChars = text.length > MAX_QUERY_CHARS;
  const input = truncatedChars ? text.slice(0, MAX_QUERY_CHARS) : text;
  let truncated = truncatedChars;

  let count = 0;
  const kept: Token[] = [];
  for (const t of tidyOr(tokenize(input))) {
    if (t.type === "or") {
      kept.push(t);
      continue;
    }
    const words = t.type === "phrase" ? t.words : [t.value];
    if (words.some((w) => w.length > MAX_WORD_CHARS) || count + words.length > MAX_WORDS) {
      truncated = true;
      continue;
    }
    count += words.length;
    kept.push(t);
  }
  const tokens = tidyOr(kept);

  const words = tokens.flatMap((t) => (t.type === "word" ? [t.value] : t.type === "phrase" ? t.words : []));
  const excluded = tokens.flatMap((t) => (t.type === "exclude" ? [t.value] : []));
  const base = { words, excluded, kindHints: kindHintsOf(words), truncated };
  if (words.length === 0) {
    const problem =
      excluded.length > 0
        ? "Skriv minst ett ord att söka efter, inte bara ord som ska uteslutas."
        : "Skriv ett eller flera ord att söka efter.";
    return { ...base, websearch: "", prefix: null, problem };
  }

  // The last word is a prefix when it is a plain word the person may still be typing.
  const last = tokens.at(-1);
  const typing = !truncatedChars && !/[\s"”“]$/u.test(input);
  const prefix =
    typing && last?.type === "word" && last.value.length >= MIN_PREFIX_CHARS && tokens.at(-2)?.type !== "or"
      ? last.value
      : null;
  const rest = prefix ? tokens.slice(0, -1) : tokens;
  const websearch = tidyOr(rest)
    .map((t) =>
      t.type === "word"
        ? t.value
        : t.type === "phrase"
          ? `"${t.words.join(" ")}"`
          : t.type === "exclude"
            ? `-${t.value}`
            : "or",
    )
    .join(" ");
  return { ...base, websearch, prefix, problem: null };
}
