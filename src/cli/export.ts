import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { EXPORT_FORMATS, type ExportFormat, exportMeeting } from "../commands/exportMeeting.js";
import { SYSTEM } from "../domain/permissions.js";
import { configFrom, withDatabase } from "./context.js";

/** Writes bytes to stdout and resolves once they are handed to the OS. */
function writeStdout(bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
}

/** `samrad export --meeting ID --format md|docx|pdf|ics [--document minutes|notice] [--out FILE]`. */
export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("export a meeting's minutes or notice (md, docx, pdf) or its calendar event (ics)")
    .requiredOption("--meeting <id>", "the meeting's id (the number in /moten/ID)")
    .requiredOption("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .option("--document <kind>", "minutes or notice (kallelse)", "minutes")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (opts: { meeting: string; format: string; document: string; out?: string }, cmd: Command) => {
      if (!/^[1-9]\d{0,9}$/.test(opts.meeting))
        throw new Error(`--meeting must be a meeting id, not "${opts.meeting}"`);
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new Error(`--format must be one of ${EXPORT_FORMATS.join(", ")}, not "${opts.format}"`);
      }
      if (opts.document !== "minutes" && opts.document !== "notice") {
        throw new Error(`--document must be minutes or notice, not "${opts.document}"`);
      }
      const format = opts.format as ExportFormat;
      const binary = format === "docx" || format === "pdf";
      if (!opts.out && binary && process.stdout.isTTY) {
        throw new Error(`refusing to write a ${format} file to the terminal; use --out FILE or redirect the output`);
      }
      const config = configFrom(cmd);
      const file = await withDatabase(config, ({ db }) =>
        db.transaction().execute((tx) =>
          exportMeeting(tx, {
            actor: SYSTEM,
            meetingId: Number(opts.meeting),
            format,
            document: opts.document as "minutes" | "notice",
            baseUrl: config.publicUrl,
          }),
        ),
      );
      if (opts.out) {
        writeFileSync(opts.out, file.bytes);
        console.error(`Wrote ${file.bytes.length} bytes to ${opts.out}`);
      } else await writeStdout(file.bytes);
    });
}
