// One size's corpus on disk: the plan, the meetings kept back for the import benchmark (written as
// .txt/.md/.docx minutes), every stored meeting's minutes as .txt for grep, and the pages to load.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS_SIZES, type CorpusPlan, type CorpusSize, planCorpus } from "../src/demo/generator.js";
import { hasMinutes, type MinutesFormat, minutesFilename, renderMinutes } from "../src/demo/generator-docs.js";
import { generateMeetings } from "../src/demo/generator-meetings.js";

/** Documents imported per timed run (a third of each format). */
export const IMPORT_DOCS_PER_RUN = 60;

/** A size's corpus, ready to be stored in each database. */
export type PreparedCorpus = {
  size: CorpusSize;
  plan: CorpusPlan;
  /** meetings generated but not stored: their minutes are imported by the benchmark */
  holdout: Set<number>;
  dir: string;
  /** every stored meeting's minutes as .txt, for rg */
  textDir: string;
  textFiles: number;
  textBytes: number;
  /** one set of minutes files per import run (the first is the warm-up) */
  importSets: string[][];
  /** the network with the most meetings, and meetings spread over the archive, for the page loads */
  networkSlug: string;
  meetingIds: number[];
  prepareMs: number;
};

const FORMATS: MinutesFormat[] = ["txt", "md", "docx"];

/** Evenly spaced picks from a list. */
function spaced<T>(list: readonly T[], count: number): T[] {
  if (count >= list.length) return [...list];
  const step = list.length / count;
  return Array.from({ length: count }, (_, i) => list[Math.floor(i * step + step / 2)] as T);
}

/** Plans the corpus, picks what to keep back and what to load, and writes the minutes files. */
export async function prepareCorpus(
  size: CorpusSize,
  opts: { seed: number; importRuns: number },
): Promise<PreparedCorpus> {
  const started = performance.now();
  const holdoutCount = IMPORT_DOCS_PER_RUN * opts.importRuns;
  const plan = planCorpus({ meetings: CORPUS_SIZES[size] + holdoutCount, seed: opts.seed });
  const withMinutes: number[] = [];
  const perNetwork = new Map<number, number>();
  for (const m of generateMeetings(plan)) {
    if (hasMinutes(m)) withMinutes.push(m.id);
    perNetwork.set(m.networkId, (perNetwork.get(m.networkId) ?? 0) + 1);
  }
  const holdoutIds = spaced(withMinutes, holdoutCount);
  const holdout = new Set(holdoutIds);
  const stored = withMinutes.filter((id) => !holdout.has(id));
  const meetingIds = spaced(stored, 50);
  const [busiest] = [...perNetwork.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const networkSlug = plan.networks[(busiest?.[0] ?? 1) - 1]?.slug ?? "";

  const dir = join(tmpdir(), `samrad-bench-${size}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const textDir = join(dir, "minutes-txt");
  const importDir = join(dir, "import");
  mkdirSync(textDir, { recursive: true });
  mkdirSync(importDir, { recursive: true });
  // Each run gets its own documents (stored imports may refuse a file seen before), a third per format.
  const runOf = new Map(holdoutIds.map((id, i) => [id, i % opts.importRuns]));
  const formatOf = new Map(holdoutIds.map((id, i) => [id, FORMATS[Math.floor(i / opts.importRuns) % 3] ?? "txt"]));
  const importSets: string[][] = Array.from({ length: opts.importRuns }, () => []);
  let textFiles = 0;
  let textBytes = 0;
  for (const m of generateMeetings(plan)) {
    if (!hasMinutes(m)) continue;
    if (holdout.has(m.id)) {
      const format = formatOf.get(m.id) ?? "txt";
      const path = join(importDir, minutesFilename(plan, m, format));
      writeFileSync(path, await renderMinutes(plan, m, format));
      importSets[runOf.get(m.id) ?? 0]?.push(path);
    } else {
      const bytes = await renderMinutes(plan, m, "txt");
      writeFileSync(join(textDir, minutesFilename(plan, m, "txt")), bytes);
      textFiles++;
      textBytes += bytes.length;
    }
  }
  return {
    size,
    plan,
    holdout,
    dir,
    textDir,
    textFiles,
    textBytes,
    importSets,
    networkSlug,
    meetingIds,
    prepareMs: performance.now() - started,
  };
}
