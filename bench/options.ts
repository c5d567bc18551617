// Command-line options of `npm run bench`, validated with zod.
import { parseArgs } from "node:util";
import { z } from "zod";
import type { CorpusSize } from "../src/demo/generator.js";

const Options = z.object({
  sizes: z.array(z.enum(["S", "M", "L"])).min(1),
  databases: z.array(z.enum(["pglite", "postgres"])).min(1),
  repeats: z.number().int().min(1).max(20),
  loadSeconds: z.number().min(1).max(60),
  connections: z.number().int().min(1).max(200),
  postgresUrl: z.string().url(),
  out: z.string(),
  keep: z.boolean(),
  seed: z.number().int(),
});

/** What one benchmark run measures and how hard. */
export type BenchOptions = z.infer<typeof Options> & { sizes: CorpusSize[] };

const USAGE = `npm run bench -- [--size S,M | --size L] [--db pglite,postgres] [--repeats 3]
  [--load-seconds 3] [--connections 10] [--postgres-url postgres://postgres@127.0.0.1:5432/postgres]
  [--out bench/results/latest.json] [--keep] [--seed 20260101]`;

/** Parses argv (without node and script), or throws with the usage line. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: "string", multiple: true },
      db: { type: "string" },
      repeats: { type: "string" },
      "load-seconds": { type: "string" },
      connections: { type: "string" },
      "postgres-url": { type: "string" },
      out: { type: "string" },
      keep: { type: "boolean" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
  if (values.help) throw new Error(USAGE);
  const list = (v: string | string[] | undefined, fallback: string) =>
    (Array.isArray(v) ? v.join(",") : (v ?? fallback))
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const parsed = Options.safeParse({
    sizes: list(values.size, "S,M").map((s) => s.toUpperCase()),
    databases: list(values.db, "pglite,postgres").map((s) => s.toLowerCase()),
    repeats: Number(values.repeats ?? 3),
    loadSeconds: Number(values["load-seconds"] ?? 3),
    connections: Number(values.connections ?? 10),
    postgresUrl:
      values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    out: values.out ?? "bench/results/latest.json",
    keep: values.keep ?? false,
    seed: Number(values.seed ?? 20_260_101),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? "?")}: ${issue?.message}\n${USAGE}`);
  }
  return parsed.data as BenchOptions;
}
