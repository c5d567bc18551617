import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** ../shared beside the repository, as on every developer machine and on CI. */
export const SHARED_DIR = fileURLToPath(new URL("../../shared", import.meta.url));

/** One seed document and, when there is one, its hand-made expectation. */
export type Seed = { name: string; bytes: Uint8Array; text: string; gold: Record<string, unknown> | null };

/**
 * The seed minutes from ../shared/seeds, or an empty list with a visible notice when the folder is
 * absent (a clone without ../shared), so seed tests skip instead of failing.
 */
export function loadSeeds(): Seed[] {
  const dir = join(SHARED_DIR, "seeds");
  if (!existsSync(dir)) {
    console.warn(`NOTICE: ${dir} is missing; tests that read the seed minutes are skipped.`);
    return [];
  }
  const goldDir = join(SHARED_DIR, "gold");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)));
      const goldPath = join(goldDir, name.replace(/\.txt$/, ".json"));
      return {
        name,
        bytes,
        text: new TextDecoder().decode(bytes),
        gold: existsSync(goldPath) ? (JSON.parse(readFileSync(goldPath, "utf8")) as Record<string, unknown>) : null,
      };
    });
}
