import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocx } from "../../test/docx.js";
import { ImportedMeetingSchema } from "../importers/schema.js";
import { collectDocuments, runImport, summarize } from "./import.js";

const run = promisify(execFile);
const MINUTES = `Trafiknätverket\n\nDatum och tid: 2024-01-12 kl. 13-15\n\nNärvarande:\n\nVera Lundqvist (ordf.)\tLomma\nTor Edholm\tEslöv\n\nAnteckningar\n\nCykelvägar\n\nBeslut: att ta fram en karta. Tor skickar ut underlaget.\n\nVid tangenterna / Tor Edholm\n`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "samrad-import-"));
  mkdirSync(join(dir, "arkiv", "2023"), { recursive: true });
  writeFileSync(join(dir, "arkiv", "b.txt"), MINUTES.replace("2024-01-12", "2024-02-09"));
  writeFileSync(join(dir, "arkiv", "a.md"), MINUTES);
  writeFileSync(
    join(dir, "arkiv", "2023", "c.docx"),
    buildDocx([{ p: "Trafiknätverket" }, { p: "Datum: 2023-11-10" }]),
  );
  writeFileSync(join(dir, "arkiv", "bild.png"), "not minutes");
  writeFileSync(join(dir, "arkiv", "~$a.docx"), "lock file");
  writeFileSync(join(dir, "arkiv", ".dold.txt"), "hidden");
  writeFileSync(join(dir, "tom.txt"), "");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
}

describe("collectDocuments", () => {
  it("walks folders in name order and keeps files in the order given", () => {
    const { files, failures } = collectDocuments([join(dir, "tom.txt"), join(dir, "arkiv"), join(dir, "saknas.txt")]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
      "tom.txt",
      "arkiv/2023/c.docx",
      "arkiv/a.md",
      "arkiv/b.txt",
    ]);
    expect(failures).toEqual([{ file: join(dir, "saknas.txt"), message: "finns inte" }]);
  });
});

describe("runImport", () => {
  it("prints a JSON array of the documents read and reports the unreadable on stderr", async () => {
    const b = buffers();
    const status = await runImport([join(dir, "arkiv"), join(dir, "tom.txt")], { dryRun: true, json: true }, b.io);
    expect(status).toBe(1);
    const meetings = JSON.parse(b.out.join("")) as unknown[];
    expect(meetings.map((m) => ImportedMeetingSchema.parse(m).date)).toEqual([
      "2023-11-10",
      "2024-01-12",
      "2024-02-09",
    ]);
    expect(b.err.some((l) => l.includes("tom.txt: Filen är tom."))).toBe(true);
  });

  it("prints an empty array when nothing could be read", async () => {
    const b = buffers();
    expect(await runImport([join(dir, "tom.txt")], { dryRun: true, json: true }, b.io)).toBe(1);
    expect(JSON.parse(b.out.join(""))).toEqual([]);
  });

  it("prints a readable summary without --json", async () => {
    const b = buffers();
    expect(await runImport([join(dir, "arkiv", "a.md")], { dryRun: true }, b.io)).toBe(0);
    expect(b.out.join("")).toContain("Trafiknätverket, 2024-01-12 13:00–15:00");
    expect(b.out.join("")).toContain("Punkter: 1; beslut: 1; uppdrag: 1");
  });

  it("summarizes warnings as a count", () => {
    const text = summarize({
      source: "x.txt",
      network: null,
      date: null,
      startTime: null,
      endTime: null,
      location: null,
      noteTaker: null,
      nextMeeting: null,
      attendees: [],
      items: [],
      warnings: ["a", "b"],
    });
    expect(text).toContain("(nätverk okänt), datum saknas");
    expect(text).toContain("Varningar: 2");
  });
});

describe("bin/samrad import", () => {
  const bin = join(process.cwd(), "bin", "samrad");
  const exec = (args: string[]) =>
    run(bin, args, { encoding: "utf8" }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  it("exits 0 with JSON on stdout and nothing else there", async () => {
    const r = await exec(["import", "--dry-run", "--json", join(dir, "arkiv", "a.md")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it("exits 1 when a document cannot be read, still printing the others", async () => {
    const r = await exec(["import", "--dry-run", "--json", join(dir, "tom.txt"), join(dir, "arkiv", "a.md")]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain("tom.txt");
  });

  it("exits 2 for bad usage", async () => {
    expect((await exec(["import", "--dry-run"])).code).toBe(2);
    expect((await exec(["import", "--dry-run", "--no-such-flag", "x"])).code).toBe(2);
  });
});
