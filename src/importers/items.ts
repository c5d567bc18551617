import { findDates } from "./dates.js";
import {
  ACTION_VERBS,
  COMMUNICATION,
  DEADLINE_WORD,
  DECISION_IN_TEXT,
  DECISION_LABEL,
  FRONTED,
  FUTURE_MARKER,
  MODALS,
  NEXT_MEETING,
  NEXT_MEETING_REF,
  NON_TASK_INFINITIVES,
  OWN_DECISION_SUBJECT,
  POSTPONED,
  PREPOSITIONS,
  RAISED_BY,
  REPORTING_COMPLEMENT,
  SUBJECT_ADVERBS,
  TASK_CONSTRUCTIONS,
  WEAK_ACTION_VERBS,
} from "./lexicon.js";
import { looksLikePersonName, type NameIndex, type Resolution } from "./names.js";
import { u } from "./regex.js";
import type { SrcLine } from "./roster.js";
import type { ImportedAction, ImportedItem } from "./schema.js";
import type { RawItem } from "./structure.js";
import { bulletOf, isCapitalised, plain, splitSentences, type Token, tokenize, unlink } from "./text.js";

/** What item extraction needs from the rest of the document. */
export type ItemContext = {
  index: NameIndex;
  meetingDate: string | null;
  nextMeeting: string | null;
  warn: (line: number, message: string) => void;
};

/** A paragraph or a list item of an item's text. */
export type Segment = { lines: string[]; list: boolean; depth: number; numbered: boolean; line: number };

const TERMINAL = /[.!?:;…]["”’)\]]*$/u;

/**
 * Undoes a lost line break that glued two words ("uppdateradPunkten flyttas"): a word that starts
 * in lower case and continues with a capitalised word. Brand names (PowerPoint, iPhone) start
 * differently and are left alone.
 */
export function repairGluedWords(line: string): string {
  if (!LOWER_THEN_UPPER.test(line)) return line;
  return line.replace(GLUED_WORDS, "$1\n$2");
}

const LOWER_THEN_UPPER = /\p{Ll}\p{Lu}/u;
const GLUED_WORDS = /(?<![\p{L}\p{N}])(\p{Ll}{4,})(\p{Lu}\p{Ll}{2,})/gu;

/**
 * Groups an item's lines into paragraphs and list items, and joins paragraphs that a conversion
 * split in the middle of a sentence (no closing punctuation, next starts in lower case).
 */
export function segmentsOf(body: SrcLine[]): Segment[] {
  const segs: Segment[] = [];
  let cur: Segment | null = null;
  let blankBefore = true;
  let prevRaw = "";
  for (const line of body) {
    const [text = "", ...glued] = repairGluedWords(line.text).split("\n");
    const raw = prevRaw;
    prevRaw = line.text;
    if (!text.trim()) {
      cur = null;
      blankBefore = true;
      continue;
    }
    const bullet = bulletOf(text);
    const last = segs[segs.length - 1];
    const lastLine = last?.lines[last.lines.length - 1] ?? "";
    if (bullet) {
      cur = {
        lines: [keepBreak(bullet.rest)],
        list: true,
        depth: Math.min(6, Math.floor(bullet.indent / 2)),
        numbered: bullet.numbered,
        line: line.no,
      };
      segs.push(cur);
    } else if (cur && !blankBefore && (!cur.list || continuesListItem(raw, text))) {
      cur.lines.push(keepBreak(text));
    } else if (last && !last.list && !TERMINAL.test(lastLine.trimEnd()) && /^\p{Ll}/u.test(text.trim())) {
      last.lines[last.lines.length - 1] = `${lastLine.trimEnd()} ${keepBreak(text)}`;
      cur = last;
    } else {
      cur = { lines: [keepBreak(text)], list: false, depth: 0, numbered: false, line: line.no };
      segs.push(cur);
    }
    for (const g of glued) {
      // The glued words were on two lines: keep them on two.
      cur.lines[cur.lines.length - 1] = `${(cur.lines[cur.lines.length - 1] ?? "").trimEnd()}  `;
      cur.lines.push(keepBreak(g));
    }
    blankBefore = false;
  }
  return segs;
}

// Trimmed, except that Markdown's hard line break (two trailing spaces) is kept: the writer
// broke the line on purpose, and the notes are rendered without soft breaks.
const keepBreak = (line: string) => {
  const t = line.trim();
  return / {2,}$/.test(line) && t ? `${t}  ` : t;
};

// Under a list item, a line belongs to it when indented or after a Markdown hard break ("  ").
const continuesListItem = (previous: string, line: string) => / {2}$/.test(previous) || /^\s+\S/.test(line);

/** The item's text as Markdown: paragraphs apart, list items together. */
export function notesMarkdown(segs: Segment[]): string {
  let out = "";
  segs.forEach((seg, k) => {
    let block: string;
    if (seg.list) {
      const pad = "  ".repeat(seg.depth);
      const [first, ...rest] = seg.lines;
      block = [`${pad}${seg.numbered ? "1." : "-"} ${first}`, ...rest.map((l) => `${pad}  ${l}`)].join("\n");
    } else block = seg.lines.join("\n");
    if (k > 0) out += seg.list && segs[k - 1]?.list ? "\n" : "\n\n";
    out += block.trimEnd();
  });
  return out.trim();
}

/** The text of a segment for reading: one line, no Markdown emphasis or link targets. */
const flat = (seg: Segment) => unlink(seg.lines.map((l) => plain(l)).join(" ")).replace(/\s+/g, " ");

type Mention = { written: string; resolution: Resolution; start: number };
type NameList = { names: Mention[]; end: number };

const acceptable = (m: { written: string; resolution: Resolution }) =>
  m.resolution.kind !== "unknown" || looksLikePersonName(m.written);

/** "Cathrine Eriksson och Johan Lindberg", "KJ", "Linda, Anna och Per" starting at token i. */
function nameListAt(tokens: Token[], i: number, text: string, index: NameIndex): NameList | null {
  const first = index.mentionAt(tokens, i, text);
  if (!first || !acceptable(first)) return null;
  const names: Mention[] = [{ ...first, start: (tokens[i] as Token).start }];
  let j = first.end;
  for (let guard = 0; guard < 20; guard++) {
    const sep = tokens[j];
    if (!sep || !(sep.text === "," || sep.text === "&" || /^(?:och|samt|and)$/i.test(sep.text))) break;
    let k = j + 1;
    if (sep.text === "," && /^(?:och|samt|and)$/i.test(tokens[k]?.text ?? "")) k++;
    const m = index.mentionAt(tokens, k, text);
    if (!m || !acceptable(m)) break;
    names.push({ ...m, start: (tokens[k] as Token).start });
    j = m.end;
  }
  return { names, end: j };
}

function namesOf(list: NameList, line: number, ctx: ItemContext): string[] {
  const out: string[] = [];
  for (const m of list.names) {
    const r = m.resolution;
    if (r.kind === "person") out.push(r.name);
    else {
      if (r.kind === "ambiguous") {
        ctx.warn(line, `"${m.written}" kan vara ${r.candidates.join(" eller ")}; lämnat som det står`);
      } else ctx.warn(line, `"${m.written}" finns inte i deltagarlistan; lämnat som det står`);
      out.push(m.written);
    }
  }
  return [...new Set(out)];
}

// What follows a named subject makes it a task: a modal, an assignment phrase or an action verb.
function statesTask(rest: string, sentence: string): boolean {
  let r = rest.trim();
  for (let guard = 0; guard < 4; guard++) {
    const w = /^[\p{L}-]+,?/u.exec(r)?.[0]?.replace(/,$/, "").toLowerCase();
    if (!w || !SUBJECT_ADVERBS.has(w)) break;
    r = r.slice(w.length).replace(/^,?\s*/, "");
  }
  const modal = MODALS.exec(r);
  if (modal) {
    const after = r
      .slice(modal[0].length)
      .trim()
      .replace(/^(?:att|också|även|då|sedan)\s+/iu, "");
    return /^\p{Ll}/u.test(after) && !NON_TASK_INFINITIVES.test(after);
  }
  if (TASK_CONSTRUCTIONS.test(r)) return true;
  if (ACTION_VERBS.test(r)) return opensWithTaskVerb(r);
  return WEAK_ACTION_VERBS.test(r) && FUTURE_MARKER.test(sentence);
}

// "Linda meddelar nätverket" is a task; "Linda meddelar att …" reports what she said.
function opensWithTaskVerb(text: string): boolean {
  const verb = ACTION_VERBS.exec(text);
  if (!verb) return false;
  return !(COMMUNICATION.test(verb[0]) && REPORTING_COMPLEMENT.test(text.slice(verb[0].length).trim()));
}

type Found = { list: NameList; textStart: number };

// Sentences such as "Till nästa träff sammanställer Linda …" or "… kommer X och Y förbereda …".
function invertedTask(s: string, tokens: Token[], ctx: ItemContext): Found | null {
  if (!FRONTED.test(s)) return null;
  for (let j = 1; j < Math.min(tokens.length, 14); j++) {
    const tok = tokens[j] as Token;
    if (!tok.word) continue;
    const rest = s.slice(tok.start);
    const modal = MODALS.exec(rest);
    const verb = modal ? null : /^[\p{L}-]+/u.exec(rest);
    if (!modal && !(verb && ACTION_VERBS.test(verb[0]))) continue;
    const after = tok.start + (modal ? modal[0].length : (verb as RegExpExecArray)[0].length);
    const k = tokens.findIndex((t) => t.start >= after);
    if (k < 0) return null;
    const list = nameListAt(tokens, k, s, ctx.index);
    if (!list) continue;
    if (modal) {
      const tail = s
        .slice(tokens[list.end]?.start ?? s.length)
        .trim()
        .replace(/^att\s+/iu, "");
      if (!/^\p{Ll}/u.test(tail) || NON_TASK_INFINITIVES.test(tail)) continue;
    }
    return { list, textStart: 0 };
  }
  return null;
}

/** Assignments stated in one sentence; `state` carries the last named subject for "Meddelar namn …". */
function tasksIn(s: string, ctx: ItemContext, state: { lastSubject: NameList | null }): Found[] {
  const tokens = tokenize(s);
  const found: Found[] = [];
  const inverted = invertedTask(s, tokens, ctx);
  if (inverted) found.push(inverted);
  let sentenceSubject: NameList | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (!tok.word || !isCapitalised(tok.text)) continue;
    const prev = tokens[i - 1];
    if (prev?.word && PREPOSITIONS.has(prev.text.toLowerCase())) continue;
    const list = nameListAt(tokens, i, s, ctx.index);
    if (!list) continue;
    // "Sammanfattning: Kirti John får …": a label before the subject is not part of the task.
    const labelled = prev?.text === ":" && i <= 4;
    if (i === 0 || labelled) sentenceSubject = list;
    const rest = s.slice(tokens[list.end]?.start ?? s.length);
    if (statesTask(rest, s) && !found.some((f) => f.list.names[0]?.start === list.names[0]?.start)) {
      found.push({ list, textStart: labelled ? tok.start : 0 });
    }
    i = list.end - 1;
  }
  // "Meddelar namn till Linda.": a sentence without subject continues the previous one's.
  if (found.length === 0 && state.lastSubject && /^\p{Lu}/u.test(s) && opensWithTaskVerb(s)) {
    found.push({ list: state.lastSubject, textStart: 0 });
  }
  state.lastSubject = sentenceSubject;
  return found;
}

/** The due date a sentence gives a task: a dated deadline, or "till nästa möte" when that date is known. */
export function dueDateOf(
  s: string,
  ctx: Pick<ItemContext, "meetingDate" | "nextMeeting">,
  onProblem?: (problem: string) => void,
): string | null {
  for (const f of findDates(s, { meetingDate: ctx.meetingDate })) {
    if (!DEADLINE_WORD.test(s.slice(Math.max(0, f.index - 30), f.index))) continue;
    if (f.date) return f.date;
    if (f.problem) onProblem?.(`${f.problem}; uppdraget får inget slutdatum`);
  }
  return NEXT_MEETING_REF.test(s) ? ctx.nextMeeting : null;
}

const STARTS_WITH_ATT = u(/^att\b/iu);
// Cheap test first: most sentences decide nothing.
const MAY_DECIDE = /besl|bestäm|enas|enade|decision|decided|resolved/i;

/** The decision a sentence states ("att …"), "" when it is a bare "Beslut:" label, or null. */
export function decisionOf(sentence: string): string | null {
  if (!MAY_DECIDE.test(sentence)) return null;
  const s = sentence.replace(/\*\*|__/g, "");
  const label = DECISION_LABEL.exec(s);
  if (label) {
    const rest = s.slice(label[0].length).trim();
    if (STARTS_WITH_ATT.test(rest)) return rest;
    const inner = DECISION_IN_TEXT.exec(rest);
    if (inner) return rest.slice((inner.index ?? 0) + inner[0].length - 3).trim();
    return rest;
  }
  const m = DECISION_IN_TEXT.exec(s);
  if (!m) return null;
  let subject = (m.groups?.subject ?? "").trim();
  // "Nätverket beslutade att" names its subject before the verb; "beslutade nätverket att" after.
  if (m.groups?.active && !subject) subject = /([\p{L}-]+)\s*$/u.exec(s.slice(0, m.index))?.[1] ?? "";
  if (!OWN_DECISION_SUBJECT.test(subject)) return null;
  return s.slice((m.index ?? 0) + m[0].length - 3).trim();
}

/** Reads one agenda item: who raised it, decisions, assignments, postponement and its notes. */
export function extractItem(raw: RawItem, ctx: ItemContext): ImportedItem {
  const segs = segmentsOf(raw.body);
  const raisedBy: string[] = [];
  const decisions: string[] = [];
  const actions: ImportedAction[] = [];
  let decisionList = false;
  let allText = raw.title;
  for (const seg of segs) {
    const text = flat(seg);
    allText += `\n${text}`;
    if (!seg.list) decisionList = false;
    const state = { lastSubject: null as NameList | null };
    for (const s of splitSentences(text)) {
      if (!seg.list && RAISED_BY.test(s)) {
        const at = (RAISED_BY.exec(s) as RegExpExecArray)[0].length;
        const tokens = tokenize(s);
        const k = tokens.findIndex((t) => t.start >= at);
        const list = k >= 0 ? nameListAt(tokens, k, s, ctx.index) : null;
        if (list) for (const n of namesOf(list, seg.line, ctx)) if (!raisedBy.includes(n)) raisedBy.push(n);
      }
      const decision = decisionOf(s);
      if (decision === "") decisionList = true;
      else if (decision) decisions.push(decision);
      else if (decisionList && seg.list && STARTS_WITH_ATT.test(s)) decisions.push(s);
      for (const f of tasksIn(s, ctx, state)) {
        const assignees = namesOf(f.list, seg.line, ctx);
        const sentence = s.slice(f.textStart).trim();
        if (actions.some((a) => a.text === sentence && a.assignees.join() === assignees.join())) continue;
        const due = dueDateOf(s, ctx, (p) => ctx.warn(seg.line, p));
        actions.push({ assignees, text: sentence, due });
      }
    }
  }
  return {
    title: raw.title,
    raisedBy,
    postponed: POSTPONED.test(allText),
    decisions,
    actions,
    notes: notesMarkdown(segs),
  };
}

/** The next meeting's date when the text states it ("Nästa möte 2021-09-24", "till nästa träff den 7/2"). */
export function findNextMeeting(texts: string[], meetingDate: string | null): string | null {
  for (const text of texts) {
    if (!/näst|kommande|next/i.test(text)) continue;
    for (const m of text.matchAll(NEXT_MEETING)) {
      const from = (m.index ?? 0) + m[0].length;
      const window = text.slice(from, from + 40);
      for (const f of findDates(window, { meetingDate })) {
        if (f.index > 25) break;
        if (f.date && (!meetingDate || f.date > meetingDate)) return f.date;
      }
    }
  }
  return null;
}
