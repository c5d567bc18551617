#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts and everything it imports from src/) into dist/samrad.mjs, so
// `bin/samrad` starts without transpiling TypeScript on every start. Packages from node_modules stay
// outside the bundle; modules the code imports lazily (the Word and PDF writers) become chunks of
// their own, so their packages load only when used. Runs after `npm ci` (the "prepare" script) and
// with `npm run build`; bin/samrad falls back to the sources whenever a file in src/ is newer.
import { renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
// Built in a folder of its own and then swapped in, so a CLI starting meanwhile finds either the
// old bundle, none (and runs the sources) or the new one, never half of one.
const temporary = join(root, `dist.build-${process.pid}`);

const started = performance.now();
rmSync(temporary, { recursive: true, force: true });
await build({
  entryPoints: [join(root, "src", "cli", "main.ts")],
  outdir: temporary,
  entryNames: "samrad",
  chunkNames: "chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  tsconfig: join(root, "tsconfig.json"),
  define: { SAMRAD_BUNDLED: "true" },
  logLevel: "warning",
});
rmSync(dist, { recursive: true, force: true });
renameSync(temporary, dist);
console.log(`dist/samrad.mjs built in ${Math.round(performance.now() - started)} ms`);
