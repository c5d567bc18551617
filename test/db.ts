import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { inject } from "vitest";
import { type Database, openPGlite, openPostgres } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";

/** Admin connection for the PostgreSQL tests; each test file creates and drops its own database. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Which database this test project runs against. */
export const testDbKind = (process.env.SAMRAD_TEST_DB ?? "pglite") as "pglite" | "postgres";

/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's template, or a new
 * PostgreSQL database that close() drops again. A missing server fails the test, never skips it.
 */
export async function openTestDatabase(): Promise<Database> {
  if (testDbKind === "pglite") {
    const template = inject("pgliteTemplate");
    const blob = new Blob([readFileSync(template)]);
    return openPGlite(undefined, { loadDataDir: blob });
  }
  const name = `samrad_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = await openPostgres(TEST_DATABASE_URL, { max: 1 });
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 4 });
  await migrate(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.db);
      await admin.close();
    },
  };
}
