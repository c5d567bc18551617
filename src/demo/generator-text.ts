// Swedish sentences for generated minutes: notes, decisions and assignments built from the word
// lists, so full-text search meets a realistic vocabulary (and recurring names) instead of lorem ipsum.
import { pick } from "../domain/random.js";
import { type Area, DOCUMENTS, MONTHS, OUTSIDE_BODIES, PROPER_NOUNS, ROUND_NOTES, TRENDS } from "./generator-words.js";

/** What a sentence may refer to: the field, the year, who and which municipalities were there. */
export type TextContext = {
  rand: () => number;
  area: Area;
  year: number;
  municipalities: string[];
  /** full names of members present */
  people: string[];
};

/** A recurring proper noun, the first ones far more often than the last (Zipf-like). */
export function properNoun(rand: () => number): string {
  const weights = PROPER_NOUNS.map((_, i) => 1 / (i + 1));
  let x = rand() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    x -= w;
    if (x <= 0) return PROPER_NOUNS[i] as string;
  }
  return PROPER_NOUNS[0];
}

const noun = (c: TextContext) => pick(c.rand, c.area.nouns);
const otherNoun = (c: TextContext, not: string) => {
  const n = pick(c.rand, c.area.nouns);
  return n === not ? pick(c.rand, c.area.nouns) : n;
};
const muni = (c: TextContext) => (c.municipalities.length > 0 ? pick(c.rand, c.municipalities) : "Helsingborg");
const person = (c: TextContext) => (c.people.length > 0 ? pick(c.rand, c.people) : "Ordföranden");
/** "Filippa Kurdve" -> "Filippa": minutes name people by first name once the roster has introduced them. */
export const firstName = (name: string) => name.split(" ")[0] ?? name;

type Template = (c: TextContext) => string;

const SENTENCES: Template[] = [
  (c) => `Dialog kring hur respektive kommun arbetar med ${noun(c)}.`,
  (c) => `${muni(c)} berättar om arbetet med ${noun(c)}.`,
  (c) => `Flera kommuner ser ${pick(c.rand, TRENDS)} när det gäller ${noun(c)}.`,
  (c) => {
    const a = noun(c);
    return `Nätverket diskuterar hur ${a} kan samordnas med ${otherNoun(c, a)}.`;
  },
  (c) => `Det finns ett önskemål om att jämföra ${noun(c)} mellan kommunerna.`,
  (c) => {
    const a = noun(c);
    return `${person(c)} redovisar läget för ${a} och ${otherNoun(c, a)}.`;
  },
  (c) => `Frågan om ${noun(c)} lyfts till ${pick(c.rand, OUTSIDE_BODIES)}.`,
  (c) => `En arbetsgrupp tar fram ett underlag om ${noun(c)} till mötet i ${pick(c.rand, MONTHS)}.`,
  (c) => `Kostnaderna för ${noun(c)} har ökat med ${2 + Math.floor(c.rand() * 18)} procent jämfört med ${c.year - 1}.`,
  (c) => `${muni(c)} har goda erfarenheter av ${noun(c)} och delar gärna med sig.`,
  (c) => `Det är viktigt att ${noun(c)} finns med i verksamhetsplanen för ${c.year + 1}.`,
  (c) => {
    const a = muni(c);
    const b = muni(c);
    return a === b
      ? `${a} har inlett ett arbete kring ${noun(c)}.`
      : `${a} och ${b} har inlett ett samarbete kring ${noun(c)}.`;
  },
  (c) => {
    const a = noun(c);
    return `Nätverket konstaterar att ${a} påverkas av ${otherNoun(c, a)}.`;
  },
  (c) => `Gruppen efterfrågar tydligare riktlinjer för ${noun(c)}.`,
  (c) => `Ingen kommun har i dagsläget en samlad bild av ${noun(c)}.`,
  (c) => `${firstName(person(c))} lyfter att ${noun(c)} kräver mer resurser framöver.`,
  (c) =>
    c.year >= 2020 && c.year <= 2022
      ? `Under pandemin förändrades ${noun(c)} i flera kommuner.`
      : `Efterfrågan på ${noun(c)} har varit hög under året.`,
  (c) => `Nya föreskrifter påverkar ${noun(c)} från och med ${pick(c.rand, MONTHS)} ${c.year + 1}.`,
  (c) => `${muni(c)} har sett över rutinerna för ${noun(c)} och berättar om resultatet.`,
];

const CLOSERS = ["Diskussionen fortsätter på nästa möte.", "Nätverket tackar för en givande dragning."];

/** Sentences naming a recurring project or system: rare, so a search for one finds a handful. */
const NAMED: Template[] = [
  (c) => `Projektet ${properNoun(c.rand)} presenterades och nätverket ser möjligheter att samverka kring ${noun(c)}.`,
  (c) => `Erfarenheterna från ${properNoun(c.rand)} kan användas i arbetet med ${noun(c)}.`,
  (c) => `Statistik från ${properNoun(c.rand)} visar att ${noun(c)} varierar mellan kommunerna.`,
  (c) => `${properNoun(c.rand)} rapporterar om läget och nästa steg.`,
];

/**
 * One sentence of notes; one in 250 names a recurring project, so the commonest name turns up in
 * a few percent of meetings and the rarest in a few per thousand.
 */
export const sentence = (c: TextContext) => pick(c.rand, c.rand() < 0.004 ? NAMED : SENTENCES)(c);

/** A paragraph of one to four sentences. */
export function paragraph(c: TextContext): string {
  const n = 1 + Math.floor(c.rand() * 4);
  const sentences = Array.from({ length: n }, () => sentence(c));
  if (c.rand() < 0.08) sentences.push(pick(c.rand, CLOSERS));
  return sentences.join(" ");
}

const DECISIONS: Template[] = [
  (c) => `att ge en arbetsgrupp i uppdrag att utreda ${noun(c)}`,
  (c) => `att nätverket står bakom förslaget om ${noun(c)}`,
  (c) => `att ställa sig positiv till ett gemensamt arbete kring ${noun(c)}`,
  (c) => `att ${person(c)} representerar nätverket i ${pick(c.rand, OUTSIDE_BODIES)}`,
  (c) => `att lägga informationen om ${noun(c)} till handlingarna`,
  (c) => `att ta upp ${noun(c)} som tema på ett kommande möte`,
  (c) => `att ${properNoun(c.rand)} följs upp på varje möte under ${c.year}`,
  (c) => `att ta fram en gemensam sammanställning av ${noun(c)} inför ${c.year + 1}`,
];

/** The text of a decision, starting with "att". */
export const decisionText = (c: TextContext) => pick(c.rand, DECISIONS)(c);

const ACTIONS: ((c: TextContext, who: string) => string)[] = [
  (c, who) => `${who} skickar ut ${pick(c.rand, DOCUMENTS)} till nätverket.`,
  (c, who) => `${who} sammanställer kommunernas underlag om ${noun(c)} till nästa möte.`,
  (c, who) => `${who} bjuder in en representant för ${pick(c.rand, OUTSIDE_BODIES)} till ett kommande möte.`,
  (c, who) => `${who} tar kontakt med ${pick(c.rand, OUTSIDE_BODIES)} angående ${noun(c)}.`,
  (c, who) => `${who} får i uppdrag att se över ${noun(c)}.`,
];

/** An assignment sentence naming the assignees by first name ("Linda skickar ut ..."). */
export function actionText(c: TextContext, assignees: string[]): string {
  const names = assignees.map(firstName);
  const who = names.length > 1 ? `${names.slice(0, -1).join(", ")} och ${names.at(-1)}` : (names[0] ?? "Ordföranden");
  return pick(c.rand, ACTIONS)(c, who);
}

/** How minutes say an item was postponed. */
export const POSTPONED_PHRASES = [
  "Punkten hanns inte med och flyttas till nästa möte.",
  "Punkten utgick, flyttas till nästa möte.",
  "Punkten flyttas till nästkommande möte pga tidsbrist.",
  "Frågan bordläggs till nästa möte.",
];

/** A municipality's line in the round ("Läget i kommunerna"). */
export const roundNote = (c: TextContext) => pick(c.rand, ROUND_NOTES).replace("{noun}", noun(c));
