import { resolve } from "node:path";
import { z } from "zod";

/** Environment variables Samråd reads, validated once at start. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  SAMRAD_DATA: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .url("DATABASE_URL must be a URL such as postgres://user@host:5432/db")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SAMRAD_LANG: z.enum(["sv", "en"]).default("sv"),
  SAMRAD_PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be a URL such as smtp://user:password@mail.example.se:587")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Samråd <samrad@localhost>"),
  NODE_ENV: z.string().default("development"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  lang: "sv" | "en";
  publicUrl: string | undefined;
  /** SMTP server for outgoing mail; without it mail goes to the local mailbox page */
  smtpUrl: string | undefined;
  /** the From header of outgoing mail */
  mailFrom: string;
};

/** Parses the environment (plus CLI overrides) into a Config, or throws one readable line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: overrides.port ?? e.PORT,
    host: overrides.host ?? e.HOST,
    dataDir: resolve(overrides.dataDir ?? e.SAMRAD_DATA),
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    lang: overrides.lang ?? e.SAMRAD_LANG,
    publicUrl: overrides.publicUrl ?? e.SAMRAD_PUBLIC_URL,
    smtpUrl: overrides.smtpUrl ?? e.SMTP_URL,
    mailFrom: overrides.mailFrom ?? e.MAIL_FROM,
  };
}
