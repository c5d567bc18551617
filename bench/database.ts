// The benchmark's own databases: a PGlite data folder or a PostgreSQL database it creates and
// drops, filled with a prepared corpus, measured on disk, with a signed-in admin for the pages.
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { type Database, openPGlite, openPostgres } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { createSession } from "../src/db/queries/sessions.js";
import { type CorpusSummary, writeCorpus } from "../src/demo/generator-db.js";
import { SESSION_COOKIE } from "../src/web/actor.js";
import type { PreparedCorpus } from "./corpus.js";

/** Where a benchmark database lives and how the server reaches it. */
export type BenchDatabase = {
  kind: "pglite" | "postgres";
  /** the PGlite data folder (also given to the server for PostgreSQL, unused there) */
  dataDir: string;
  /** the PostgreSQL URL, or undefined for PGlite */
  url: string | undefined;
  /** the PostgreSQL database's name (the data folder for PGlite) */
  name: string;
  open(): Promise<Database>;
  /** bytes on disk: pg_database_size, or the data folder as du counts it */
  sizeBytes(database: Database): Promise<number>;
  drop(): Promise<void>;
};

/** Bytes a folder takes on disk, counted in blocks as du does. */
function diskUsage(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += diskUsage(path);
    else if (entry.isFile()) total += statSync(path).blocks * 512;
  }
  return total;
}

/** Creates an empty benchmark database of the given kind (PostgreSQL: a new database on the server). */
export async function createBenchDatabase(
  kind: "pglite" | "postgres",
  opts: { dir: string; postgresUrl: string; name: string },
): Promise<BenchDatabase> {
  const dataDir = join(opts.dir, `data-${kind}`);
  if (kind === "pglite") {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    return {
      kind,
      dataDir,
      url: undefined,
      name: dataDir,
      open: () => openPGlite(dataDir),
      async sizeBytes(database) {
        await sql`CHECKPOINT`.execute(database.db);
        return diskUsage(dataDir);
      },
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const admin = await openPostgres(opts.postgresUrl, { max: 1 });
  try {
    await sql.raw(`DROP DATABASE IF EXISTS ${opts.name} WITH (FORCE)`).execute(admin.db);
    await sql.raw(`CREATE DATABASE ${opts.name}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  const url = new URL(opts.postgresUrl);
  url.pathname = `/${opts.name}`;
  return {
    kind,
    dataDir,
    url: url.toString(),
    name: opts.name,
    open: () => openPostgres(url.toString()),
    async sizeBytes(database) {
      const r = await sql<{ size: number }>`SELECT pg_database_size(current_database())::bigint AS size`.execute(
        database.db,
      );
      return Number(r.rows[0]?.size ?? 0);
    },
    async drop() {
      const a = await openPostgres(opts.postgresUrl, { max: 1 });
      try {
        await sql.raw(`DROP DATABASE IF EXISTS ${opts.name} WITH (FORCE)`).execute(a.db);
      } finally {
        await a.close();
      }
    },
  };
}

/** What filling a database cost and left on disk. */
export type FillResult = { summary: CorpusSummary; generateMs: number; emptyBytes: number; bytes: number };

/** Migrates and stores the corpus without the kept-back meetings (writeCorpus also analyzes). */
export async function fillDatabase(
  bench: BenchDatabase,
  database: Database,
  corpus: PreparedCorpus,
  onProgress?: (stored: number, total: number) => void,
): Promise<FillResult> {
  await migrate(database.db);
  const emptyBytes = await bench.sizeBytes(database);
  const started = performance.now();
  const summary = await writeCorpus(database.db, corpus.plan, {
    skip: (m) => corpus.holdout.has(m.id),
    ...(onProgress ? { onProgress } : {}),
  });
  const generateMs = performance.now() - started;
  return { summary, generateMs, emptyBytes, bytes: await bench.sizeBytes(database) };
}

/** An admin account with a live session: the cookie the page loads send. */
export async function signedInCookie(database: Database): Promise<string> {
  const { token } = await database.db.transaction().execute(async (tx) => {
    const user = await tx
      .insertInto("users")
      .values({ email: `bench-${Date.now()}@exempel.se`, is_admin: true })
      .returning("id")
      .executeTakeFirstOrThrow();
    return createSession(tx, user.id);
  });
  return `${SESSION_COOKIE}=${token}`;
}
