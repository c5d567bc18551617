import { accessSync, constants, mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataFolder } from "./lock.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { DB } from "./schema.js";

/** The query handle commands receive: a transaction or the whole database. */
export type Tx = Kysely<DB>;

/** An open database, embedded or server, with the way to close it. */
export type Database = {
  db: Kysely<DB>;
  kind: "pglite" | "postgres";
  /** Where the data lives: a folder for PGlite, the URL (without password) for PostgreSQL. */
  location: string;
  close(): Promise<void>;
};

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the time zone.
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

const PGLITE_PARSERS = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

/** Opens PGlite in a data folder (locked while open), or in memory when dir is undefined. */
export async function openPGlite(dir: string | undefined, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  let release = () => {};
  if (dir) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (e) {
      throw new Error(`data folder ${dir} cannot be written: ${(e as Error).message}`);
    }
    release = lockDataFolder(dir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dir ? { dataDir: dir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { pg_trgm, unaccent },
      parsers: PGLITE_PARSERS,
    });
  } catch (e) {
    release();
    throw new Error(`data folder ${dir ?? "(memory)"} could not be opened: ${(e as Error).message}`);
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    location: dir ?? "memory",
    async close() {
      await db.destroy();
      await pglite.close();
      release();
    },
    // kept for tests that build a template with dumpDataDir
    ...({ pglite } as object),
  };
}

/** Connects to PostgreSQL and checks the connection once, so a bad URL fails at start. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const safe = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {}); // idle client errors surface on the next query
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to the database at ${safe}: ${(e as Error).message}`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    location: safe,
    async close() {
      await db.destroy();
    },
  };
}

/** Opens PostgreSQL when a URL is given, else PGlite in the data folder. */
export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPGlite(opts.dataDir);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
