import type { Command } from "commander";
import { HIT_KINDS, SearchInput, search } from "../commands/search.js";
import { SYSTEM } from "../domain/permissions.js";
import { parseInput } from "../web/validate.js";
import { configFrom, withDatabase } from "./context.js";

const KIND_LABELS: Record<string, string> = {
  item: "Punkt",
  decision: "Beslut",
  action: "Uppdrag",
  person: "Person",
  network: "Nätverk",
};

/** `samrad search [--json] [--network NAME] QUERY`: searches the minutes from the command line. */
export function registerSearchCommand(program: Command): void {
  program
    .command("search")
    .description('search items, decisions, actions, people and networks (Swedish stemming, "phrases", -exclusion)')
    .argument("<query...>", "what to search for")
    .option("--json", "print the hits as a JSON array")
    .option("--network <name>", "only this network (name or slug) and its sub-networks")
    .option("--year <year>", "only meetings in this year")
    .option("--kind <kind>", `only hits of one kind: ${HIT_KINDS.join(", ")}`)
    .option("--person <id>", "only what this person (id) raised or was assigned")
    .option("--municipality <name>", "only what concerns this municipality")
    .option("--limit <n>", "how many hits (default 20, at most 100)")
    .option("--data <dir>", "data folder for the embedded database")
    .action(async (query: string[], opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const input = parseInput(
        SearchInput,
        {
          q: query.join(" "),
          network: opts.network,
          year: opts.year,
          kind: opts.kind,
          person: opts.person,
          municipality: opts.municipality,
          limit: opts.limit,
        },
        "Sökningen",
      );
      const config = configFrom(cmd, typeof opts.data === "string" ? { dataDir: opts.data } : {});
      // The command line is run by whoever holds the database: it reads everything.
      const result = await withDatabase(config, ({ db }) =>
        db.transaction().execute((tx) => search(tx, SYSTEM, input)),
      );
      if (opts.json) {
        const hits = result.hits.map((h) => ({
          kind: h.kind,
          network: h.network,
          date: h.date,
          title: h.title,
          snippet: h.snippet,
          url: h.url,
          id: h.id,
          meetingId: h.meetingId,
          itemId: h.itemId,
        }));
        process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
      } else {
        for (const h of result.hits) {
          const where = [h.network && h.kind !== "network" ? h.network : null, h.date].filter(Boolean).join(", ");
          console.log(`${KIND_LABELS[h.kind] ?? h.kind}: ${h.title}${where ? ` (${where})` : ""}`);
          if (h.snippet) console.log(`  ${h.snippet}`);
          console.log(`  ${h.url}`);
        }
        if (result.hits.length > 0) {
          console.log(result.more ? `Fler än ${result.total} träffar.` : `${result.total} träffar i anteckningarna.`);
        }
      }
      for (const note of result.notes) console.error(note);
      if (result.message) console.error(result.message);
    });
}
