import { createHash } from "node:crypto";

/**
 * A short digest of what a form was based on. A form carries it; when the same part of the data
 * has a different digest at submit time, someone else changed it in between.
 */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 16);
}
