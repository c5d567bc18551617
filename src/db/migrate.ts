import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { SRC_DIR } from "../source-root.js";
import type { Tx } from "./client.js";

const MIGRATIONS_DIR = join(SRC_DIR, "db", "migrations");

/** One numbered migration file. */
export type Migration = { version: number; name: string; sql: string };

/** Reads migrations/NNNN_name.sql in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number.parseInt(f.slice(0, 4), 10),
      name: f.replace(/\.sql$/, ""),
      sql: readFileSync(join(dir, f), "utf8"),
    }));
}

/**
 * Applies the migrations the database lacks, each in its own transaction. Refuses when the
 * database has migrations this code does not know (it was migrated by a newer Samråd).
 */
export async function migrate(db: Tx, migrations = loadMigrations()): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied = await db.selectFrom("schema_migrations").select(["version", "name"]).execute();
  const known = new Set(migrations.map((m) => m.version));
  const unknown = applied.filter((m) => !known.has(m.version));
  if (unknown.length > 0) {
    throw new Error(
      `the database has migrations this version of Samråd does not know (${unknown
        .map((m) => m.name)
        .join(", ")}); upgrade Samråd or use another database`,
    );
  }
  const done = new Set(applied.map((m) => m.version));
  const ran: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction().execute(async (tx) => {
      await sql.raw(m.sql).execute(tx);
      await tx.insertInto("schema_migrations").values({ version: m.version, name: m.name }).execute();
    });
    ran.push(m.name);
  }
  return ran;
}
