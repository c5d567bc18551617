import { describe, expect, it } from "vitest";
import { buildDocx } from "../../test/docx.js";
import { loadSeeds } from "../../test/seeds.js";
import { isImportError } from "./import-error.js";
import { ImportedMeetingSchema, readMinutes } from "./read.js";

// The reader must never throw anything but ImportError, never hang, and always return a
// schema-valid meeting, whatever bytes it is given. A fixed PRNG keeps failures reproducible.

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FALLBACK = `Fiktiva nätverket\n\nDatum och tid: 2024-01-12 kl. 9-12\n\nNärvarande:\n\nVera Lundqvist (ordf.)\tLomma\nTor Edholm\tEslöv\n\nAnteckningar\n\nBudget\n\nBeslut: att anta budgeten. Vera skickar ut den.\n\nVid tangenterna\n\n/Tor Edholm\n`;
const texts = [...loadSeeds().map((s) => s.text), FALLBACK];
const enc = (s: string) => new TextEncoder().encode(s);

async function check(bytes: Uint8Array, filename: string, limitMs = 2000): Promise<"read" | "refused"> {
  const started = performance.now();
  let outcome: "read" | "refused";
  try {
    const m = await readMinutes({ bytes, filename });
    const parsed = ImportedMeetingSchema.safeParse(m);
    if (!parsed.success) throw new Error(`not schema-valid: ${parsed.error.message}`);
    outcome = "read";
  } catch (e) {
    if (!isImportError(e)) throw e;
    outcome = "refused";
  }
  expect(performance.now() - started, `${filename} took too long`).toBeLessThan(limitMs);
  return outcome;
}

const RANDOM_CHARS = [
  "\u0000",
  "\t",
  "\r",
  "\u2028",
  "\ufeff",
  "é",
  "ø",
  "😀",
  "\ud800",
  "#",
  "-",
  "**",
  ":",
  "/",
  "(ordf.)",
  "Beslut: att ",
  "Ärende från ",
];

function mutate(text: string, rnd: () => number): string {
  let lines = text.split("\n");
  const pick = () => Math.floor(rnd() * lines.length);
  const ops = 1 + Math.floor(rnd() * 6);
  for (let k = 0; k < ops; k++) {
    const op = Math.floor(rnd() * 7);
    if (op === 0 && lines.length > 1) lines.splice(pick(), 1);
    else if (op === 1) lines.splice(pick(), 0, lines[pick()] ?? "");
    else if (op === 2) {
      for (let n = lines.length - 1; n > 0; n--) {
        const j = Math.floor(rnd() * (n + 1));
        [lines[n], lines[j]] = [lines[j] as string, lines[n] as string];
      }
    } else if (op === 3) lines = lines.slice(0, pick());
    else if (op === 4) {
      const at = pick();
      const line = lines[at] ?? "";
      const pos = Math.floor(rnd() * (line.length + 1));
      const ch = RANDOM_CHARS[Math.floor(rnd() * RANDOM_CHARS.length)] as string;
      lines[at] = line.slice(0, pos) + ch + line.slice(pos);
    } else if (op === 5) {
      const at = pick();
      lines[at] = Array.from({ length: 20 }, () => String.fromCodePoint(32 + Math.floor(rnd() * 0x2fff))).join("");
    } else lines.splice(pick(), 0, "");
  }
  return lines.join(rnd() < 0.2 ? "\r\n" : "\n");
}

describe("fuzzing the reader", () => {
  it("survives random bytes", async () => {
    const rnd = prng(1);
    for (let k = 0; k < 60; k++) {
      const bytes = new Uint8Array(1 + Math.floor(rnd() * 4000)).map(() => Math.floor(rnd() * 256));
      await check(bytes, `random-${k}.txt`);
    }
  });

  it("survives mutated minutes (deleted, duplicated, shuffled, truncated lines, random unicode)", async () => {
    const rnd = prng(2);
    let read = 0;
    for (let k = 0; k < 400; k++) {
      const text = texts[k % texts.length] as string;
      const mutated = mutate(text, rnd);
      const bytes = enc(mutated);
      const cut = rnd() < 0.15 ? bytes.slice(0, Math.floor(rnd() * bytes.length)) : bytes;
      if ((await check(cut, `mutated-${k}.md`)) === "read") read++;
    }
    expect(read).toBeGreaterThan(300);
  });

  it("survives corrupted Word files", async () => {
    const rnd = prng(3);
    const docx = buildDocx([
      { p: "Fiktiva nätverket" },
      { p: "Datum: 2024-01-12" },
      { heading: "Närvarande:", level: 2 },
      { table: [["Vera Lundqvist", "Lomma"]] },
      { heading: "Budget", level: 3 },
      { p: "Vera skickar ut budgeten." },
    ]);
    for (let k = 0; k < 40; k++) {
      const bytes = docx.slice();
      for (let f = 0; f < 1 + Math.floor(rnd() * 8); f++)
        bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      await check(rnd() < 0.3 ? bytes.slice(0, Math.floor(rnd() * bytes.length)) : bytes, `broken-${k}.docx`, 5000);
    }
  });

  it("handles the empty file, a 10,000-character line and pathological lines", async () => {
    expect(await check(new Uint8Array(0), "empty.txt")).toBe("refused");
    const long = [
      "a".repeat(10_000),
      "Beslut: att ".repeat(900),
      `Ärende från ${"Anna Berg och ".repeat(700)}`,
      `Vera ${"skickar ".repeat(1200)}`,
      "#".repeat(10_000),
      `${"- ".repeat(5000)}x`,
      ".".repeat(10_000),
      "7/2 ".repeat(2500),
      `${"Aa ".repeat(3333)}`,
      `**${"*".repeat(9996)}**`,
    ];
    for (const [k, line] of long.entries()) {
      await check(enc(FALLBACK.replace("Budget\n", `${line}\n\n${line}\n`)), `long-${k}.txt`);
      await check(enc(line), `long-alone-${k}.txt`);
    }
  });

  it("handles a huge roster in every shape", async () => {
    const names = Array.from({ length: 3000 }, (_, k) => `Person${String.fromCharCode(65 + (k % 26))}a Efternamn${k}`);
    const tab = names.map((n, k) => `${n}\t${k % 2 ? "Lomma" : "Eslöv"}`).join("\n");
    const columns = [...names.map((n) => n), ...names.map(() => "Lomma")].join("\n\n");
    const bullets = names.map((n) => `- ${n}, Osby`).join("\n");
    for (const roster of [tab, columns, bullets]) {
      const text = `Stora nätverket\n\nDatum: 2024-01-12\n\nNärvarande:\n\n${roster}\n\nAnteckningar\n\nBudget\n\nPersonAa skickar ut.\n`;
      expect(await check(enc(text), "huge.txt", 5000)).toBe("read");
    }
  });
});
