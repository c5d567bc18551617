import type { Command } from "commander";
import { loadDemoData } from "../commands/loadDemoData.js";
import { DEMO_PASSWORD } from "../demo/demo-data.js";
import { todayInSweden } from "../domain/dates.js";
import { configFrom, withDatabase } from "./context.js";

/** `samrad demo`: loads the fictional demo data into an empty database. */
export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("load fictional demo data (networks, people, two years of meetings) into an empty database")
    .option("--data <dir>", "data folder for the embedded database")
    .action(async (opts: { data?: string }, cmd: Command) => {
      const config = configFrom(cmd, opts.data ? { dataDir: opts.data } : {});
      await withDatabase(config, async ({ db }) => {
        const existing = await db.selectFrom("networks").select("id").limit(1).executeTakeFirst();
        if (existing) throw new Error("the database already holds networks; the demo is only loaded into an empty one");
        const s = await db.transaction().execute((tx) => loadDemoData(tx, { today: todayInSweden() }));
        console.log(
          `Loaded ${s.networks} networks, ${s.people} people, ${s.meetings} meetings, ${s.decisions} decisions, ${s.actions} actions.`,
        );
        console.log(`Demo accounts (password "${DEMO_PASSWORD}", for the fictional demo only):`);
        for (const a of s.accounts) console.log(`  ${a.email} – ${a.what}`);
      });
    });
}
