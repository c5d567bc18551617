import type { Command } from "commander";
import { type Config, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";

/** Reads the configuration with the global CLI flags applied. */
export function configFrom(cmd: Command, extra: Partial<Config> = {}): Config {
  const globals = cmd.optsWithGlobals() as { data?: string };
  return loadConfig(process.env, { ...(globals.data ? { dataDir: globals.data } : {}), ...extra });
}

/** Opens and migrates the configured database, runs fn, and always closes it. */
export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}
