// `node --import tsx bench/generate.ts`: fills a data folder or PostgreSQL database with a generated
// corpus, and/or writes its minutes as documents, for looking at or profiling a large archive.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openPGlite, openPostgres } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { CORPUS_SIZES, planCorpus } from "../src/demo/generator.js";
import { writeCorpus } from "../src/demo/generator-db.js";
import { type MinutesFormat, writeMinutesFiles } from "../src/demo/generator-docs.js";
import { generateMeetings } from "../src/demo/generator-meetings.js";

const USAGE = `node --import tsx bench/generate.ts (--size S|M|L | --meetings N) [--seed N]
  [--data DIR | --database-url URL] [--minutes DIR [--formats txt,md,docx]]`;

const Args = z
  .object({
    meetings: z.number().int().positive(),
    seed: z.number().int().optional(),
    data: z.string().optional(),
    databaseUrl: z.string().url().optional(),
    minutes: z.string().optional(),
    formats: z.array(z.enum(["txt", "md", "docx"])).min(1),
  })
  .refine((a) => a.data || a.databaseUrl || a.minutes, "give --data, --database-url or --minutes");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string" },
      meetings: { type: "string" },
      seed: { type: "string" },
      data: { type: "string" },
      "database-url": { type: "string" },
      minutes: { type: "string" },
      formats: { type: "string" },
    },
  });
  const size = values.size?.toUpperCase() as keyof typeof CORPUS_SIZES | undefined;
  const parsed = Args.safeParse({
    meetings: size && size in CORPUS_SIZES ? CORPUS_SIZES[size] : Number(values.meetings),
    seed: values.seed === undefined ? undefined : Number(values.seed),
    data: values.data,
    databaseUrl: values["database-url"],
    minutes: values.minutes,
    formats: (values.formats ?? "txt").split(","),
  });
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.message}\n${USAGE}`);
  const args = parsed.data;
  const started = performance.now();
  const plan = planCorpus({ meetings: args.meetings, ...(args.seed !== undefined ? { seed: args.seed } : {}) });
  if (args.data || args.databaseUrl) {
    const database = args.databaseUrl ? await openPostgres(args.databaseUrl) : await openPGlite(args.data);
    try {
      await migrate(database.db);
      const summary = await writeCorpus(database.db, plan, {
        onProgress: (done, total) => process.stderr.write(`\rstored ${done} of ${total} meetings`),
      });
      process.stderr.write("\n");
      console.log(JSON.stringify(summary));
    } finally {
      await database.close();
    }
  }
  if (args.minutes) {
    const paths = await writeMinutesFiles(plan, generateMeetings(plan), args.minutes, args.formats as MinutesFormat[]);
    console.log(`wrote ${paths.length} minutes documents to ${args.minutes}`);
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: Error) => {
  console.error(`generate: ${e.message}`);
  process.exitCode = 1;
});
