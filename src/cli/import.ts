import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { type ImportOutcome, importMinutes } from "../commands/importMinutes.js";
import type { Tx } from "../db/client.js";
import { listKnownPeople } from "../db/queries/imports.js";
import { isAppError } from "../errors.js";
import { isImportError, MAX_IMPORT_BYTES, readMinutesWithText } from "../importers/read.js";
import type { ImportedMeeting, KnownPerson } from "../importers/schema.js";
import { configFrom, withDatabase } from "./context.js";

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

/** A document read from disk: the meeting, its bytes and its text. */
export type ReadDocument = { meeting: ImportedMeeting; bytes: Uint8Array; text: string };

/** Reads one file from disk into a meeting, or says why it cannot be read. */
export async function readDocument(
  file: string,
  knownPeople: KnownPerson[] = [],
): Promise<ReadDocument | { failure: ImportFailure }> {
  try {
    const size = statSync(file).size;
    if (size > MAX_IMPORT_BYTES) {
      return {
        failure: { file, message: `filen är för stor (${Math.round(size / 1024 / 1024)} MB, högst 20 MB)` },
      };
    }
    const bytes = new Uint8Array(readFileSync(file));
    const { meeting, text } = await readMinutesWithText({ bytes, filename: file, knownPeople });
    return { meeting, bytes, text };
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

/** Where read documents are stored; a dry run has none. */
export type Storage = {
  /** People already stored, for the reader to resolve names a roster lacks. */
  knownPeople(): Promise<KnownPerson[]>;
  store(doc: ReadDocument & { file: string }): Promise<ImportOutcome>;
};

/** Storage in a database: one transaction per document, so a failing one leaves nothing behind. */
export function databaseStorage(db: Tx, networkName?: string): Storage {
  return {
    knownPeople: () => listKnownPeople(db),
    store: (doc) =>
      db.transaction().execute((tx) =>
        importMinutes(tx, {
          meeting: doc.meeting,
          source: { filename: basename(doc.file), bytes: doc.bytes, text: doc.text },
          ...(networkName ? { networkName } : {}),
        }),
      ),
  };
}

const OUTCOME_SV: Record<ImportOutcome["status"], string> = {
  created: "nytt möte",
  replaced: "ersatte tidigare import",
  unchanged: "redan importerad, oförändrad",
  kept: "inte inlagd",
};

/** Totals of a storing run, for the closing summary. */
type Totals = { documents: number; warnings: number; people: { created: number; matched: number } } & Record<
  ImportOutcome["status"],
  number
>;

function totalsLine(t: Totals): string {
  return [
    `${t.documents} dokument: ${t.created} nya möten, ${t.replaced} ersatta, ${t.unchanged} oförändrade, ${t.kept} inte inlagda`,
    `personer: ${t.people.created} nya, ${t.people.matched} igenkända; varningar: ${t.warnings}`,
  ].join("\n");
}

/**
 * Runs `samrad import`: reads every document, prints JSON or summaries to `out` and everything
 * else to `err`, and stores each document in its own transaction when storage is given.
 * Returns the exit status (0, or 1 when any document could not be read or stored).
 */
export async function runImport(
  paths: string[],
  opts: ImportOptions,
  io: ImportIo,
  storage?: Storage,
): Promise<number> {
  const { files, failures } = collectDocuments(paths);
  for (const f of failures) io.err(`samrad import: ${f.file}: ${f.message}`);
  let failed = failures.length > 0;
  let printed = 0;
  const totals: Totals = {
    documents: 0,
    warnings: 0,
    people: { created: 0, matched: 0 },
    created: 0,
    replaced: 0,
    unchanged: 0,
    kept: 0,
  };
  let known: KnownPerson[] | null = null;
  if (opts.json) await io.out("[");
  for (const [k, file] of files.entries()) {
    io.progress?.(`läser ${k + 1}/${files.length}: ${file}`);
    if (storage && known === null) known = await storage.knownPeople();
    const r = await readDocument(file, known ?? []);
    if ("failure" in r) {
      failed = true;
      io.err(`samrad import: ${r.failure.file}: ${r.failure.message}`);
      continue;
    }
    const meeting = r.meeting;
    for (const w of meeting.warnings) io.err(`${file}: varning: ${w}`);
    totals.warnings += meeting.warnings.length;
    if (storage) {
      try {
        const outcome = await storage.store({ ...r, file });
        totals[outcome.status]++;
        totals.people.created += outcome.people.created;
        totals.people.matched += outcome.people.matched;
        if (outcome.people.created > 0 || outcome.status === "replaced") known = null;
        io.err(`${file}: ${OUTCOME_SV[outcome.status]} (${outcome.network.name} ${meeting.date ?? ""})`);
        for (const note of outcome.notes) io.err(`${file}: obs: ${note}`);
      } catch (e) {
        failed = true;
        const message = isAppError(e) ? e.message : `oväntat fel: ${(e as Error).message ?? String(e)}`;
        io.err(`samrad import: ${file}: sparades inte: ${message}`);
        continue;
      }
    }
    totals.documents++;
    if (opts.json) await io.out(`${printed > 0 ? "," : ""}\n${indent(JSON.stringify(meeting, null, 2))}`);
    else await io.out(`${summarize(meeting)}\n`);
    printed++;
  }
  if (opts.json) await io.out(printed > 0 ? "\n]\n" : "]\n");
  io.progress?.("");
  if (storage) {
    if (opts.json) io.err(totalsLine(totals));
    else await io.out(`${totalsLine(totals)}\n`);
  }
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
    .option("--network <name>", "store under this network instead of the one the document names")
    .action(async (paths: string[], opts: ImportOptions, cmd: Command) => {
      const tty = process.stderr.isTTY;
      const io: ImportIo = {
        out: writeStdout,
        err: (t) => {
          if (tty) process.stderr.write("\r\x1b[K");
          process.stderr.write(`${t}\n`);
        },
        ...(tty ? { progress: (t: string) => process.stderr.write(`\r\x1b[K${t.slice(0, 100)}`) } : {}),
      };
      if (opts.dryRun) {
        process.exitCode = await runImport(paths, opts, io);
        return;
      }
      process.exitCode = await withDatabase(configFrom(cmd), (database) =>
        runImport(paths, opts, io, databaseStorage(database.db, opts.network)),
      );
    });
}
