import { describe, expect, it } from "vitest";
import { hashPassword, NewPassword, verifyPassword } from "./passwords.js";

describe("passwords", () => {
  it("hashes with argon2id, salted, and verifies only the right password", async () => {
    const a = await hashPassword("korrekt häst batteri");
    const b = await hashPassword("korrekt häst batteri");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "korrekt häst batteri")).toBe(true);
    expect(await verifyPassword(a, "Korrekt häst batteri")).toBe(false);
  });

  it("answers false for accounts without a password and for garbage hashes", async () => {
    expect(await verifyPassword(null, "vad som helst")).toBe(false);
    expect(await verifyPassword("not-a-hash", "vad som helst")).toBe(false);
  });

  it("refuses short and absurdly long new passwords with a Swedish message", () => {
    expect(NewPassword.safeParse("kort").error?.issues[0]?.message).toBe("lösenordet måste ha minst 12 tecken");
    expect(NewPassword.safeParse("x".repeat(201)).success).toBe(false);
    expect(NewPassword.safeParse("tolv tecken!").success).toBe(true);
  });
});
