import { Command, CommanderError } from "commander";
import { registerDemoCommand } from "./demo.js";
import { registerExportCommand } from "./export.js";
import { registerImportCommand } from "./import.js";
import { registerMailCommand } from "./mail.js";
import { registerReportCommand } from "./report.js";
import { registerSearchCommand } from "./search.js";
import { registerServeCommand } from "./serve.js";
import { registerUserCommand } from "./user.js";

/** Builds the `samrad` command with all its subcommands. */
export function buildProgram(): Command {
  const program = new Command("samrad")
    .description("Samråd — möten, protokoll och beslut för kommunala nätverk")
    .option("--data <dir>", "data folder for the embedded database (env SAMRAD_DATA, default ./data)")
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerDemoCommand(program);
  registerExportCommand(program);
  registerMailCommand(program);
  registerImportCommand(program);
  registerSearchCommand(program);
  registerReportCommand(program);
  registerUserCommand(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    console.error(`samrad: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

await main();
