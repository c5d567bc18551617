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
  SAMRAD_ADMIN_EMAIL: z.string().email("SAMRAD_ADMIN_EMAIL must be an e-mail address").optional(),
  SAMRAD_ADMIN_PASSWORD: z.string().min(12, "SAMRAD_ADMIN_PASSWORD must be at least 12 characters").optional(),
  SAMRAD_OIDC_ISSUER: z.string().url("SAMRAD_OIDC_ISSUER must be the provider's issuer URL").optional(),
  SAMRAD_OIDC_CLIENT_ID: z.string().min(1).optional(),
  SAMRAD_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  SAMRAD_OIDC_LABEL: z.string().min(1).max(60).default("Logga in med kommunens konto"),
  SAMRAD_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  SAMRAD_SIGNIN_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  SAMRAD_API_LIMIT: z.coerce.number().int().min(1).max(100_000).default(300),
});

/** Sign-in and request limits; single sign-on when an issuer is configured. */
export type AuthConfig = {
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; label: string } | undefined;
  /** behind a reverse proxy: trust X-Forwarded-For/-Proto for the client address and https */
  trustProxy: boolean;
  /** sign-in attempts per address per minute */
  signinPerMinute: number;
  /** API requests per address per minute */
  apiPerMinute: number;
};

/** Defaults for apps built without a configuration (tests). */
export const DEFAULT_AUTH: AuthConfig = {
  adminEmail: undefined,
  adminPassword: undefined,
  oidc: undefined,
  trustProxy: false,
  signinPerMinute: 20,
  apiPerMinute: 300,
};

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
  auth: AuthConfig;
};

/** Parses the environment (plus CLI overrides) into a Config, or throws one readable line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.SAMRAD_OIDC_ISSUER && !e.SAMRAD_OIDC_CLIENT_ID) {
    throw new Error("Invalid configuration: SAMRAD_OIDC_CLIENT_ID is needed with SAMRAD_OIDC_ISSUER");
  }
  return {
    port: overrides.port ?? e.PORT,
    host: overrides.host ?? e.HOST,
    dataDir: resolve(overrides.dataDir ?? e.SAMRAD_DATA),
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    lang: overrides.lang ?? e.SAMRAD_LANG,
    publicUrl: overrides.publicUrl ?? e.SAMRAD_PUBLIC_URL,
    smtpUrl: overrides.smtpUrl ?? e.SMTP_URL,
    mailFrom: overrides.mailFrom ?? e.MAIL_FROM,
    auth: overrides.auth ?? {
      adminEmail: e.SAMRAD_ADMIN_EMAIL,
      adminPassword: e.SAMRAD_ADMIN_PASSWORD,
      oidc:
        e.SAMRAD_OIDC_ISSUER && e.SAMRAD_OIDC_CLIENT_ID
          ? {
              issuer: e.SAMRAD_OIDC_ISSUER,
              clientId: e.SAMRAD_OIDC_CLIENT_ID,
              clientSecret: e.SAMRAD_OIDC_CLIENT_SECRET,
              label: e.SAMRAD_OIDC_LABEL,
            }
          : undefined,
      trustProxy: e.SAMRAD_TRUST_PROXY === "true",
      signinPerMinute: e.SAMRAD_SIGNIN_LIMIT,
      apiPerMinute: e.SAMRAD_API_LIMIT,
    },
  };
}
