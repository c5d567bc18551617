import { describe, expect, it } from "vitest";
import { buildDocx, type DocxBlock } from "../../test/docx.js";
import { loadSeeds } from "../../test/seeds.js";
import { ImportError } from "./import-error.js";
import { type ImportedMeeting, ImportedMeetingSchema, readMinutes } from "./read.js";

const seeds = loadSeeds();
const enc = (s: string) => new TextEncoder().encode(s);

// Compares the way a reader would: case, dashes, quotes and spacing do not matter.
const norm = (s: unknown) =>
  String(s ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[–—]/g, "-")
    .replace(/[”“"'’]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.:,;]+|[\s.:,;]+$/g, "");

type GoldAction = { assignees: string[]; key: string };
type GoldItem = {
  title: string;
  raisedBy?: string[];
  raisedByOptional?: boolean;
  postponed?: boolean;
  postponedOptional?: boolean;
  decisions?: Array<{ key: string }>;
  actions?: GoldAction[];
  optionalActions?: GoldAction[];
};

/** Turns a seed's text into Word blocks: headings, tables for tab rows, bullets, paragraphs. */
function docxBlocksOf(text: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (!t || /^[-\t]+$/.test(t)) continue;
    const last = blocks[blocks.length - 1];
    const h = /^(#{1,3})\s+(.*)$/.exec(t);
    if (h) blocks.push({ heading: h[2] as string, level: (h[1] as string).length as 1 | 2 | 3 });
    else if (line.includes("\t")) {
      if (last && "table" in last) last.table.push(line.split("\t"));
      else blocks.push({ table: [line.split("\t")] });
    } else if (/^-\s/.test(t)) {
      if (last && "bullets" in last) last.bullets.push(t.slice(2));
      else blocks.push({ bullets: [t.slice(2)] });
    } else blocks.push({ p: t });
  }
  return blocks;
}

const withoutNotes = (m: ImportedMeeting) => ({
  ...m,
  source: "",
  warnings: [],
  items: m.items.map(({ notes: _notes, ...rest }) => rest),
});

describe.skipIf(seeds.length === 0)("the seed minutes", () => {
  it.each(seeds.filter((s) => s.gold).map((s) => [s.name, s] as const))(
    "%s reads as its gold file says",
    async (_n, seed) => {
      const m = await readMinutes({ bytes: seed.bytes, filename: seed.name });
      const gold = seed.gold as Record<string, unknown> & {
        attendees: Record<string, unknown>[];
        items: GoldItem[];
      };
      for (const f of ["network", "date", "startTime", "endTime", "location", "noteTaker", "nextMeeting"] as const) {
        if (gold[`${f}Optional`] && gold[f] == null) continue;
        expect(norm(m[f]), f).toBe(norm(gold[f]));
      }
      const key = (a: Record<string, unknown>) =>
        [norm(a.name), a.status, norm(a.municipality ?? ""), Boolean(a.chair), norm(a.role ?? "")].join("|");
      const goldAttendees = gold.attendees.map((a) => key(a.status === "guest" ? a : { ...a, role: null }));
      expect(m.attendees.map((a) => key(a.status === "guest" ? a : { ...a, role: null })).sort()).toEqual(
        goldAttendees.sort(),
      );
      expect(m.items.map((i) => norm(i.title))).toEqual(gold.items.map((i) => norm(i.title)));
      gold.items.forEach((g, k) => {
        const o = m.items[k] as ImportedMeeting["items"][number];
        if (!(g.raisedByOptional && o.raisedBy.length === 0)) {
          expect(o.raisedBy.map(norm).sort(), `${g.title} raisedBy`).toEqual((g.raisedBy ?? []).map(norm).sort());
        }
        if (!g.postponedOptional) expect(o.postponed, `${g.title} postponed`).toBe(Boolean(g.postponed));
        expect(o.decisions.length, `${g.title} decisions`).toBe((g.decisions ?? []).length);
        for (const d of g.decisions ?? []) expect(o.decisions.some((t) => norm(t).includes(norm(d.key)))).toBe(true);
        const matches = (a: GoldAction) =>
          o.actions.some(
            (x) =>
              norm(x.text).includes(norm(a.key)) &&
              x.assignees.map(norm).sort().join() === a.assignees.map(norm).sort().join(),
          );
        for (const a of g.actions ?? []) expect(matches(a), `${g.title}: ${a.key}`).toBe(true);
        const allowed = (g.actions ?? []).length + (g.optionalActions ?? []).filter(matches).length;
        expect(o.actions.length, `${g.title} actions`).toBe(allowed);
      });
    },
  );

  it.each(seeds.map((s) => [s.name, s] as const))("%s reads the same from Word with real tables", async (_n, seed) => {
    const fromText = await readMinutes({ bytes: seed.bytes, filename: seed.name });
    const docx = buildDocx(docxBlocksOf(seed.text));
    const fromWord = await readMinutes({ bytes: docx, filename: seed.name.replace(/\.txt$/, ".docx") });
    expect(withoutNotes(fromWord)).toEqual(withoutNotes(fromText));
  });

  it("reads every seed without warnings and schema-valid", async () => {
    for (const seed of seeds) {
      const m = await readMinutes({ bytes: seed.bytes, filename: seed.name });
      expect(ImportedMeetingSchema.safeParse(m).success).toBe(true);
      expect(m.warnings, seed.name).toEqual([]);
    }
  });

  it("resolves spelling variants, first names and initials to the roster's spelling", async () => {
    const byName = Object.fromEntries(
      await Promise.all(
        seeds.map(async (s) => [s.name.slice(0, 3), await readMinutes({ bytes: s.bytes, filename: s.name })]),
      ),
    ) as Record<string, ImportedMeeting>;
    const actions = (m: ImportedMeeting | undefined) => m?.items.flatMap((i) => i.actions) ?? [];
    // "Filippa Kurdve meddelar …" in a document whose roster says Kurve.
    expect(actions(byName["000"]).find((a) => a.text.startsWith("Meddelar"))?.assignees).toEqual(["Filippa Kurve"]);
    expect(actions(byName["003"]).find((a) => a.text.startsWith("KJ"))?.assignees).toEqual(["Kirti John"]);
    expect(byName["004"]?.attendees.filter((a) => a.name.startsWith("Johan")).map((a) => a.name)).toEqual([
      "Johan Lindberg",
      "Johan Hammar",
    ]);
  });
});

const FICTIONAL_TXT = `Trafiknätverket

Datum och tid: 2024-01-12 kl. 13-15.30
Plats och lokal: Rådhuset, Lomma

Närvarande:

Vera Lundqvist (ordf.)\tLomma
Tor Edholm\tEslöv
Ida Sand\tOsby

Övriga:

Kasper Öhman\tSamordnare Trafiknätverket

Frånvarande:

Elin Rask\tHörby

Anteckningar

Föregående anteckningar

Till handlingarna.

Cykelvägar

Ärende från Tor Edholm: hur går arbetet med cykelvägarna?

Beslut: att ta fram en gemensam karta.

Kasper skickar ut kartunderlaget till nästa möte den 9/2.

Övrigt

Punkten flyttas till nästa möte.

Vid tangenterna

/Kasper Öhman
`;

const FICTIONAL_MD = FICTIONAL_TXT.replace("Trafiknätverket\n", "# Trafiknätverket\n")
  .replace("Datum och tid:", "**Datum och tid:**")
  .replace("Plats och lokal:", "**Plats och lokal:**")
  .replace(/^(Närvarande|Övriga|Frånvarande):$/gm, "## $1:")
  .replace("Anteckningar\n", "## Anteckningar\n")
  .replace(/^(Föregående anteckningar|Cykelvägar|Övrigt)$/gm, "### $1");

const FICTIONAL_DOCX = buildDocx([
  { p: "Trafiknätverket" },
  { p: "**Datum och tid:** 2024-01-12 kl. 13-15.30" },
  { p: "**Plats och lokal:** Rådhuset, Lomma" },
  { heading: "Närvarande:", level: 2 },
  {
    table: [
      ["Vera Lundqvist (ordf.)", "Lomma"],
      ["Tor Edholm", "Eslöv"],
      ["Ida Sand", "Osby"],
    ],
  },
  { heading: "Övriga:", level: 2 },
  { table: [["Kasper Öhman", "Samordnare Trafiknätverket"]] },
  { heading: "Frånvarande:", level: 2 },
  { table: [["Elin Rask", "Hörby"]] },
  { heading: "Anteckningar", level: 2 },
  { heading: "Föregående anteckningar", level: 3 },
  { p: "Till handlingarna." },
  { heading: "Cykelvägar", level: 3 },
  { p: "Ärende från Tor Edholm: hur går arbetet med cykelvägarna?" },
  { p: "Beslut: att ta fram en gemensam karta." },
  { p: "Kasper skickar ut kartunderlaget till nästa möte den 9/2." },
  { heading: "Övrigt", level: 3 },
  { p: "Punkten flyttas till nästa möte." },
  { p: "Vid tangenterna" },
  { p: "/Kasper Öhman" },
]);

describe("one meeting in three formats", () => {
  it("reads the plain-text version", async () => {
    const m = await readMinutes({ bytes: enc(FICTIONAL_TXT), filename: "trafik.txt" });
    expect(m).toEqual({
      source: "trafik.txt",
      network: "Trafiknätverket",
      date: "2024-01-12",
      startTime: "13:00",
      endTime: "15:30",
      location: "Rådhuset, Lomma",
      noteTaker: "Kasper Öhman",
      nextMeeting: "2024-02-09",
      attendees: [
        { name: "Vera Lundqvist", status: "present", municipality: "Lomma", role: null, chair: true },
        { name: "Tor Edholm", status: "present", municipality: "Eslöv", role: null, chair: false },
        { name: "Ida Sand", status: "present", municipality: "Osby", role: null, chair: false },
        {
          name: "Kasper Öhman",
          status: "guest",
          municipality: null,
          role: "Samordnare Trafiknätverket",
          chair: false,
        },
        { name: "Elin Rask", status: "absent", municipality: "Hörby", role: null, chair: false },
      ],
      items: [
        {
          title: "Föregående anteckningar",
          raisedBy: [],
          postponed: false,
          decisions: [],
          actions: [],
          notes: "Till handlingarna.",
        },
        {
          title: "Cykelvägar",
          raisedBy: ["Tor Edholm"],
          postponed: false,
          decisions: ["att ta fram en gemensam karta."],
          actions: [
            {
              assignees: ["Kasper Öhman"],
              text: "Kasper skickar ut kartunderlaget till nästa möte den 9/2.",
              due: "2024-02-09",
            },
          ],
          notes:
            "Ärende från Tor Edholm: hur går arbetet med cykelvägarna?\n\nBeslut: att ta fram en gemensam karta.\n\nKasper skickar ut kartunderlaget till nästa möte den 9/2.",
        },
        {
          title: "Övrigt",
          raisedBy: [],
          postponed: true,
          decisions: [],
          actions: [],
          notes: "Punkten flyttas till nästa möte.",
        },
      ],
      warnings: [],
    });
  });

  it("reads the Markdown and the Word versions the same, notes included", async () => {
    const txt = await readMinutes({ bytes: enc(FICTIONAL_TXT), filename: "trafik" });
    const md = await readMinutes({ bytes: enc(FICTIONAL_MD), filename: "trafik" });
    const word = await readMinutes({ bytes: FICTIONAL_DOCX, filename: "trafik" });
    const beslutPlain = (m: ImportedMeeting) => ({
      ...m,
      items: m.items.map((i) => ({ ...i, notes: i.notes.replace(/\*\*/g, "") })),
    });
    expect(beslutPlain(md)).toEqual(txt);
    expect(beslutPlain(word)).toEqual(txt);
  });
});

describe("readMinutes", () => {
  it("resolves names the roster lacks against people already known", async () => {
    const text = FICTIONAL_TXT.replace("Kasper skickar ut", "Elsa Fyhr skickar ut");
    const m = await readMinutes({
      bytes: enc(text),
      filename: "t.txt",
      knownPeople: [{ id: 4, name: "Elsa Fyhrén", aliases: ["Elsa Fyhr"], municipality: "Lund" }],
    });
    expect(m.items[1]?.actions[0]?.assignees).toEqual(["Elsa Fyhrén"]);
    expect(m.warnings).toEqual([]);
  });

  it("refuses text that is not minutes", async () => {
    const e = await readMinutes({
      bytes: enc("hej hopp, det här är bara ett brev.\n"),
      filename: "brev.txt",
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).message).toMatch(/inte ut att vara minnesanteckningar/);
  });

  it("warns when the date is missing, and takes it from the file name when there", async () => {
    const text = FICTIONAL_TXT.replace("Datum och tid: 2024-01-12 kl. 13-15.30\n", "");
    const m = await readMinutes({ bytes: enc(text), filename: "arkiv/2024-01-12 trafik.txt" });
    expect(m.date).toBe("2024-01-12");
    expect(m.warnings).toEqual(["mötets datum står inte i texten; använder 2024-01-12 från filnamnet"]);
    const none = await readMinutes({ bytes: enc(text), filename: "trafik.txt" });
    expect(none.date).toBeNull();
    expect(none.warnings[0]).toMatch(/datum hittades inte/);
  });

  it("warns about an invalid meeting date and a name listed twice", async () => {
    const text = FICTIONAL_TXT.replace("2024-01-12 kl.", "2024-02-31 kl.").replace(
      "Elin Rask\tHörby",
      "Ida Sand\tOsby",
    );
    const m = await readMinutes({ bytes: enc(text), filename: "t.txt" });
    expect(m.date).toBeNull();
    expect(m.warnings).toContain('rad 3: "2024-02-31" är inget giltigt datum');
    expect(m.warnings.some((w) => /Ida Sand står redan i deltagarlistan/.test(w))).toBe(true);
  });

  it("reads English minutes", async () => {
    const m = await readMinutes({
      filename: "harbour.md",
      bytes: enc(
        "Harbour Network\n\nDate: March 6, 2024 9.30-11\nLocation: Town hall\n\nParticipants:\n- Greta Holm (chair), Ystad\n- Olle Strand, Lund\n\nAbsent:\n- Nils Fors, Skurup\n\nNotes\n\nBudget\nQuestion from Olle Strand: can we afford it?\nDecision: to adopt the budget.\nGreta will send the budget to everyone by 2024-03-20.\n\nNext meeting: 2024-04-10\n\nMinutes taken by: Olle Strand\n",
      ),
    });
    expect(m).toMatchObject({
      network: "Harbour Network",
      date: "2024-03-06",
      startTime: "09:30",
      endTime: "11:00",
      noteTaker: "Olle Strand",
      nextMeeting: "2024-04-10",
    });
    expect(m.attendees.map((a) => [a.name, a.status, a.chair])).toEqual([
      ["Greta Holm", "present", true],
      ["Olle Strand", "present", false],
      ["Nils Fors", "absent", false],
    ]);
    expect(m.items[0]).toMatchObject({
      title: "Budget",
      raisedBy: ["Olle Strand"],
      decisions: ["to adopt the budget."],
      actions: [{ assignees: ["Greta Holm"], due: "2024-03-20" }],
    });
  });
});
