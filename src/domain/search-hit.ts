// How a search document is shown: its title, its link, and a snippet split into plain and matched parts.

/** The mark ts_headline puts before a matched word (see db/queries/search.ts). */
export const HIT_START = "⟦";
/** The mark after a matched word. */
export const HIT_END = "⟧";

/** A piece of a snippet; `hit` when it is a matched word. */
export type SnippetPart = { text: string; hit: boolean };

/** Markdown marks that mean nothing in a one-line snippet. */
function plain(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .replace(/(^|\n)\s*(#{1,6}|[-*+]|\d+\.)\s+/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ");
}

/** Splits a headline with hit marks into parts, dropping Markdown marks; the text is never HTML. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = new RegExp(`${HIT_START}([^${HIT_END}]*)${HIT_END}`, "gu");
  let last = 0;
  for (const m of marked.matchAll(re)) {
    if (m.index > last) parts.push({ text: plain(marked.slice(last, m.index)), hit: false });
    parts.push({ text: plain(m[1] ?? ""), hit: true });
    last = m.index + m[0].length;
  }
  if (last < marked.length) parts.push({ text: plain(marked.slice(last)), hit: false });
  const merged = parts.filter((p) => p.text.length > 0);
  const first = merged[0];
  if (first && !first.hit) first.text = first.text.trimStart();
  const end = merged.at(-1);
  if (end && !end.hit) end.text = end.text.trimEnd();
  return merged.filter((p) => p.text.length > 0);
}

/** What a document hit needs to be titled and linked. */
export type HitSource = {
  kind: "item" | "decision" | "action";
  itemTitle: string | null;
  decisionYear: number | null;
  decisionNumber: number | null;
  meetingId: number | null;
  itemId: number | null;
  networkSlug: string;
};

/** "Skrivelse Medelpunkten", "Beslut 2020:3 – Skrivelse Medelpunkten", "Uppdrag – Familjerådgivning". */
export function hitTitle(d: HitSource): string {
  const under = d.itemTitle ? ` – ${d.itemTitle}` : "";
  if (d.kind === "decision") {
    const number = d.decisionYear !== null && d.decisionNumber !== null ? ` ${d.decisionYear}:${d.decisionNumber}` : "";
    return `Beslut${number}${under}`;
  }
  if (d.kind === "action") return `Uppdrag${under}`;
  return d.itemTitle ?? "Punkt";
}

/** The exact place of a hit: the item in its meeting, else the meeting, else the network. */
export function hitUrl(d: HitSource): string {
  if (d.meetingId !== null) return `/moten/${d.meetingId}${d.itemId !== null ? `#punkt-${d.itemId}` : ""}`;
  return `/natverk/${d.networkSlug}`;
}
