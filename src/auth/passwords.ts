import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, slow enough for guessing.
// algorithm 2 is Argon2id (the enum is a const enum, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A new password: long enough to resist guessing, short enough not to be a denial of service. */
export const NewPassword = z
  .string()
  .min(12, "lösenordet måste ha minst 12 tecken")
  .max(200, "lösenordet får ha högst 200 tecken");

/** Hashes a password with argon2id (salted, PHC string). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Whether the password matches the hash. Without a hash (unknown account, SSO-only account) it
 * still spends the same time on a dummy hash, so the answer's timing does not tell accounts apart.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummy ??= hashPassword("a password nobody has");
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
