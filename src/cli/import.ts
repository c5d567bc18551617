import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { isImportError, MAX_IMPORT_BYTES, readMinutes } from "../importers/read.js";
import type { ImportedMeeting } from "../importers/schema.js";

/** Options of `samrad import`. */
export type ImportOptions = { dryRun?: boolean; json?: boolean; network?: string };

/** Where the import command writes; the CLI passes the process streams, tests pass buffers. */
export type ImportIo = {
  out: (text: string) => void | Promise<void>;
  err: (text: string) => void;
  progress?: (text: string) => void;
};

/** Something the command could not read, in the words printed to stderr. */
export type ImportFailure = { file: string; message: string };

const EXTENSIONS = /\.(?:txt|md|markdown|docx)$/i;

/**
 * The documents named by the arguments, in the order given; folders are walked (also their
 * subfolders) in name order, taking .txt, .md and .docx and skipping hidden and Word lock files.
 */
export function collectDocuments(paths: string[]): { files: string[]; failures: ImportFailure[] } {
  const files: string[] = [];
  const failures: ImportFailure[] = [];
  const walk = (dir: string, depth: number) => {
    const names = readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (name.startsWith(".") || name.startsWith("~$")) continue;
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory() && depth < 20) walk(path, depth + 1);
      else if (st?.isFile() && EXTENSIONS.test(name)) files.push(path);
    }
  };
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory()) walk(p, 0);
      else files.push(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      failures.push({
        file: p,
        message: code === "ENOENT" ? "finns inte" : `kan inte läsas (${code ?? "fel"})`,
      });
    }
  }
  return { files, failures };
}

/** Reads one file from disk into a meeting, or says why it cannot be read. */
export async function readDocument(
  file: string,
): Promise<{ meeting: ImportedMeeting; bytes: Uint8Array } | { failure: ImportFailure }> {
  try {
    const size = statSync(file).size;
    if (size > MAX_IMPORT_BYTES) {
      return {
        failure: { file, message: `filen är för stor (${Math.round(size / 1024 / 1024)} MB, högst 20 MB)` },
      };
    }
    const bytes = new Uint8Array(readFileSync(file));
    return { meeting: await readMinutes({ bytes, filename: file }), bytes };
  } catch (e) {
    if (isImportError(e)) {
      return { failure: { file: e.line ? `${file}:${e.line}` : file, message: e.message } };
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return { failure: { file, message: `kan inte läsas (${code})` } };
    return { failure: { file, message: `oväntat fel i inläsningen: ${(e as Error).message ?? String(e)}` } };
  }
}

const STATUS_SV = { present: "närvarande", absent: "frånvarande", guest: "övriga" } as const;

/** A few readable lines about one read document, for the terminal. */
export function summarize(m: ImportedMeeting): string {
  const when = [m.date ?? "datum saknas", m.startTime && `${m.startTime}${m.endTime ? `–${m.endTime}` : ""}`]
    .filter(Boolean)
    .join(" ");
  const counts = (["present", "absent", "guest"] as const)
    .map((s) => `${m.attendees.filter((a) => a.status === s).length} ${STATUS_SV[s]}`)
    .join(", ");
  const decisions = m.items.reduce((n, i) => n + i.decisions.length, 0);
  const actions = m.items.reduce((n, i) => n + i.actions.length, 0);
  const postponed = m.items.filter((i) => i.postponed).length;
  return [
    m.source,
    `  ${m.network ?? "(nätverk okänt)"}, ${when}${m.location ? `, ${m.location}` : ""}`,
    `  Deltagare: ${counts}`,
    `  Punkter: ${m.items.length}${postponed ? ` (${postponed} flyttade)` : ""}; beslut: ${decisions}; uppdrag: ${actions}`,
    `  Antecknare: ${m.noteTaker ?? "–"}; nästa möte: ${m.nextMeeting ?? "–"}`,
    ...(m.warnings.length ? [`  Varningar: ${m.warnings.length}`] : []),
  ].join("\n");
}

/** What storing returns for the summary line; the dry run has none. */
export type StoreSummary = { lines: string[] };

/** Storing one read document; absent in a dry run. */
export type StoreDocument = (doc: {
  meeting: ImportedMeeting;
  bytes: Uint8Array;
  file: string;
}) => Promise<string[]>;

/**
 * Runs `samrad import`: reads every document, prints JSON or summaries to `out` and everything
 * else to `err`, stores when a store function is given. Returns the exit status (0 or 1).
 */
export async function runImport(
  paths: string[],
  opts: ImportOptions,
  io: ImportIo,
  store?: StoreDocument,
): Promise<number> {
  const { files, failures } = collectDocuments(paths);
  for (const f of failures) io.err(`samrad import: ${f.file}: ${f.message}`);
  let failed = failures.length > 0;
  let printed = 0;
  if (opts.json) await io.out("[");
  for (const [k, file] of files.entries()) {
    io.progress?.(`läser ${k + 1}/${files.length}: ${file}`);
    const r = await readDocument(file);
    if ("failure" in r) {
      failed = true;
      io.err(`samrad import: ${r.failure.file}: ${r.failure.message}`);
      continue;
    }
    const meeting = r.meeting;
    for (const w of meeting.warnings) io.err(`${file}: varning: ${w}`);
    if (store) {
      try {
        for (const line of await store({ meeting, bytes: r.bytes, file })) io.err(`${file}: ${line}`);
      } catch (e) {
        failed = true;
        io.err(`samrad import: ${file}: sparades inte: ${(e as Error).message ?? String(e)}`);
        continue;
      }
    }
    if (opts.json) await io.out(`${printed > 0 ? "," : ""}\n${indent(JSON.stringify(meeting, null, 2))}`);
    else await io.out(`${summarize(meeting)}\n`);
    printed++;
  }
  if (opts.json) await io.out(printed > 0 ? "\n]\n" : "]\n");
  io.progress?.("");
  return failed ? 1 : 0;
}

const indent = (s: string) =>
  s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");

function writeStdout(text: string): Promise<void> | undefined {
  if (process.stdout.write(text)) return undefined;
  return new Promise((resolve) => process.stdout.once("drain", () => resolve()));
}

/** Adds `samrad import` to the program. */
export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("läser in minnesanteckningar (.docx, .txt, .md) från filer och mappar")
    .argument("<paths...>", "files or folders of minutes")
    .option("--dry-run", "read and print only; store nothing")
    .option("--json", "print what was read as a JSON array on stdout")
    .option("--network <name>", "network to store under when a document does not name one")
    .action(async (paths: string[], opts: ImportOptions) => {
      const tty = process.stderr.isTTY;
      const io: ImportIo = {
        out: writeStdout,
        err: (t) => {
          if (tty) process.stderr.write("\r\x1b[K");
          process.stderr.write(`${t}\n`);
        },
        ...(tty ? { progress: (t: string) => process.stderr.write(`\r\x1b[K${t.slice(0, 100)}`) } : {}),
      };
      if (!opts.dryRun) {
        io.err("samrad import: att spara är inte inbyggt än; använd --dry-run");
        process.exitCode = 2;
        return;
      }
      process.exitCode = await runImport(paths, opts, io);
    });
}
