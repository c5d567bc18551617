import { rmSync, writeFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { openPGlite } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";

// A new PGlite takes seconds; migrating it once and loading the dump per test file takes ~0.4 s.
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const database = await openPGlite(undefined);
  await migrate(database.db);
  const pglite = (database as unknown as { pglite: PGlite }).pglite;
  const dump = await pglite.dumpDataDir("gzip");
  const path = `${process.env.TMPDIR ?? "/tmp"}/samrad-test-template-${process.pid}-${Date.now()}.tar.gz`;
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  provide("pgliteTemplate", path);
  return () => rmSync(path, { force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
