import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/samrad");
const run = (args: string[]) =>
  spawnSync(BIN, args, {
    env: { ...process.env, DATABASE_URL: "", SMTP_URL: "" },
    timeout: 60_000,
  });

describe("samrad export and samrad mail send-once", () => {
  const dir = mkdtempSync(join(tmpdir(), "samrad-export-"));
  const data = join(dir, "data");

  beforeAll(() => {
    const demo = run(["demo", "--data", data]);
    expect(demo.status, demo.stderr.toString()).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes Markdown minutes to stdout and a PDF to --out", () => {
    const md = run(["--data", data, "export", "--meeting", "1", "--format", "md"]);
    expect(md.status, md.stderr.toString()).toBe(0);
    const text = md.stdout.toString("utf8");
    expect(text).toMatch(/^# Kultur- och fritidschefsnätverket\n\n\*\*Datum och tid:\*\* \d{4}-\d{2}-\d{2} kl\. /);
    expect(text).toContain("## Närvarande:");

    const out = join(dir, "protokoll.pdf");
    const pdf = run(["--data", data, "export", "--meeting", "1", "--format", "pdf", "--out", out]);
    expect(pdf.status, pdf.stderr.toString()).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.stdout.length).toBe(0);
  });

  it("says what is wrong with one line and exit 1 or 2", () => {
    const missing = run(["--data", data, "export", "--meeting", "99999", "--format", "md"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.toString().trim()).toBe("samrad: Mötet finns inte.");
    const badFormat = run(["--data", data, "export", "--meeting", "1", "--format", "odt"]);
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr.toString()).toContain("--format must be one of md, docx, pdf, ics");
    expect(run(["--data", data, "export", "--format", "md"]).status).toBe(2);
  });

  it("sends due mail to the local mailbox without SMTP_URL", () => {
    const mail = run(["--data", data, "mail", "send-once"]);
    expect(mail.status, mail.stderr.toString()).toBe(0);
    expect(mail.stdout.toString()).toMatch(/Reminders queued: \d+.*Sent \d+ to the local mailbox \(no SMTP_URL\)/s);
  });
});
