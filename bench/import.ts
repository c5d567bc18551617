// The import benchmark: documents per second parsed, and parsed and stored, against the floor of
// reading and splitting the same files. The measure takes the importer as a parameter.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { inflateRawSync } from "node:zlib";
import { importMinutes } from "../src/commands/importMinutes.js";
import type { Tx } from "../src/db/client.js";
import { readMinutes } from "../src/importers/read.js";
import { type Measured, measured } from "./stats.js";

/** Reads one minutes document into a meeting draft (src/importers/read.ts). */
export type ReadMinutes = (input: { bytes: Uint8Array; filename: string }) => unknown;

/** Stores a draft with its source document in one transaction (src/commands/importMinutes.ts). */
export type ImportMinutes = (
  tx: Tx,
  input: { meeting: never; source: { filename: string; bytes: Uint8Array } },
) => Promise<unknown>;

/** The database handle imports run against. */
export type ImportDatabase = { transaction(): { execute<T>(fn: (tx: Tx) => Promise<T>): Promise<T> } };

/** A document's bytes and name, read before the clock starts where the measure is not about reading. */
type Doc = { filename: string; bytes: Uint8Array };

const readDocs = (paths: readonly string[]): Doc[] =>
  paths.map((p) => ({ filename: basename(p), bytes: new Uint8Array(readFileSync(p)) }));

/** The text of word/document.xml in a .docx (a zip), found through the central directory. */
export function docxXml(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    if (name === "word/document.xml") {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString("utf8");
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error("word/document.xml is missing");
}

/**
 * The floor: read each file and split it into lines (a .docx is unzipped and split at its
 * paragraphs). No parser can be faster than this.
 */
export function readAndSplit(path: string): number {
  const bytes = new Uint8Array(readFileSync(path));
  const text = path.endsWith(".docx") ? docxXml(bytes).split("</w:p>").join("\n") : new TextDecoder().decode(bytes);
  return text.split("\n").length;
}

const FLOOR_PASSES = 20;

/** Documents per second for one pass of fn over the documents. */
async function rate(count: number, fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return count / ((performance.now() - started) / 1000);
}

/** The draft a reader returns, whether bare or wrapped as { meeting }. */
function draftOf(parsed: unknown): never {
  const p = parsed as { meeting?: unknown } | null;
  return (p && typeof p === "object" && "meeting" in p && p.meeting !== undefined ? p.meeting : parsed) as never;
}

/** Import figures in documents per second, each the median over the runs after the warm-up. */
export type ImportResult = { floor: Measured; parse: Measured | null; store: Measured | null; docsPerRun: number };

/**
 * Measures the floor and, when an importer is given, parsing (every run over the same files) and
 * parsing plus storing (each run its own files, one transaction per document). The first set is
 * the warm-up.
 */
export async function measureImport(opts: {
  sets: string[][];
  database: ImportDatabase;
  importer: { readMinutes: ReadMinutes; importMinutes: ImportMinutes } | null;
}): Promise<ImportResult> {
  const [warmup = [], ...runs] = opts.sets;
  const floor: number[] = [];
  const parse: number[] = [];
  const store: number[] = [];
  // The floor takes a few milliseconds a set: passes over it keep one hiccup from deciding the figure.
  for (const paths of [warmup, ...runs])
    floor.push(
      await rate(paths.length * FLOOR_PASSES, async () => {
        for (let p = 0; p < FLOOR_PASSES; p++) for (const path of paths) readAndSplit(path);
      }),
    );
  const importer = opts.importer;
  if (importer) {
    const warm = readDocs(warmup);
    for (let r = 0; r <= runs.length; r++) {
      const docs = r === 0 ? warm : readDocs(runs[r - 1] ?? []);
      parse.push(
        await rate(docs.length, async () => {
          for (const d of docs) await importer.readMinutes({ bytes: d.bytes, filename: d.filename });
        }),
      );
    }
    for (const paths of [warmup, ...runs]) {
      const docs = readDocs(paths);
      store.push(
        await rate(docs.length, async () => {
          for (const d of docs) {
            const meeting = draftOf(await importer.readMinutes({ bytes: d.bytes, filename: d.filename }));
            await opts.database
              .transaction()
              .execute((tx) =>
                importer.importMinutes(tx, { meeting, source: { filename: d.filename, bytes: d.bytes } }),
              );
          }
        }),
      );
    }
  }
  const afterWarmup = (xs: number[]) => (xs.length > 1 ? xs.slice(1) : xs);
  return {
    floor: measured(afterWarmup(floor)),
    parse: importer ? measured(afterWarmup(parse)) : null,
    store: importer ? measured(afterWarmup(store)) : null,
    docsPerRun: runs[0]?.length ?? warmup.length,
  };
}

/** The importer the benchmark measures: the reader and the storing command. */
export function loadImporter(): { readMinutes: ReadMinutes; importMinutes: ImportMinutes } {
  return { readMinutes, importMinutes: importMinutes as unknown as ImportMinutes };
}
