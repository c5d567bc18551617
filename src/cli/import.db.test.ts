import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { loadSeeds, SHARED_DIR } from "../../test/seeds.js";
import type { Database } from "../db/client.js";
import { databaseStorage, runImport } from "./import.js";

const MINUTES = `Trafiknätverket\n\nDatum och tid: 2024-01-12 kl. 13-15\n\nNärvarande:\n\nVera Lundqvist (ordf.)\tLomma\nTor Edholm\tEslöv\n\nAnteckningar\n\nCykelvägar\n\nBeslut: att ta fram en karta. Tor skickar ut underlaget.\n`;

let database: Database;
let dir: string;
beforeAll(async () => {
  database = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "samrad-store-"));
  writeFileSync(join(dir, "a.txt"), MINUTES);
  writeFileSync(join(dir, "b.txt"), MINUTES.replace("2024-01-12", "2024-02-09").replace("Tor Edholm", "Tor Edholmm"));
  writeFileSync(join(dir, "c.txt"), "");
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
});

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
}

describe("samrad import (storing)", () => {
  it("stores each readable document, reports the unreadable and totals", async () => {
    const b = buffers();
    const status = await runImport([dir], {}, b.io, databaseStorage(database.db));
    expect(status).toBe(1);
    expect(b.out.join("")).toContain("2 dokument: 2 nya möten, 0 ersatta, 0 oförändrade, 0 inte inlagda");
    expect(b.out.join("")).toContain("personer: 2 nya, 2 igenkända; varningar: 0");
    expect(b.err.some((l) => l.includes("c.txt: Filen är tom."))).toBe(true);
    const people = await database.db.selectFrom("people").select("name").orderBy("name").execute();
    expect(people.map((p) => p.name)).toEqual(["Tor Edholm", "Vera Lundqvist"]);
  });

  it("changes nothing the second time, and prints JSON when asked", async () => {
    const b = buffers();
    expect(
      await runImport([join(dir, "a.txt"), join(dir, "b.txt")], { json: true }, b.io, databaseStorage(database.db)),
    ).toBe(0);
    expect(JSON.parse(b.out.join(""))).toHaveLength(2);
    expect(b.err.join("\n")).toContain("2 dokument: 0 nya möten, 0 ersatta, 2 oförändrade");
  });

  it("stores under the network given with --network", async () => {
    const b = buffers();
    writeFileSync(
      join(dir, "d.txt"),
      MINUTES.replace("Trafiknätverket", "Minnesanteckningar").replace("2024-01-12", "2024-03-08"),
    );
    expect(await runImport([join(dir, "d.txt")], {}, b.io, databaseStorage(database.db, "Trafiknätverket"))).toBe(0);
    const networks = await database.db.selectFrom("networks").select("name").execute();
    expect(networks.map((n) => n.name)).toEqual(["Trafiknätverket"]);
  });

  it.skipIf(loadSeeds().length === 0)("imports the seed folder", async () => {
    const b = buffers();
    expect(await runImport([join(SHARED_DIR, "seeds")], {}, b.io, databaseStorage(database.db))).toBe(0);
    expect(b.out.join("")).toContain("5 dokument: 5 nya möten");
    expect(b.err.filter((l) => l.includes("varning"))).toEqual([]);
  });
});
