import { z } from "zod";
import { AppError } from "../errors.js";

/** Parses request input with a zod schema, or fails with a 400 that names the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "Begäran"): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || undefined;
  throw new AppError("bad_request", `${what} är felaktig: ${issue?.message ?? "okänt fel"}.`, {
    where: field,
  });
}

/** A positive integer id in the URL, e.g. /moten/12. */
export const IdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, "id måste vara ett positivt heltal")
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, "id är för stort"),
});

/** A network slug in the URL, e.g. /natverk/miljochefsnatverket. */
export const SlugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "adressen innehåller otillåtna tecken")
    .max(80),
});

/** A one-time link's secret in the URL, e.g. /aterstall/AbC…. */
export const TokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "länken är ofullständig"),
});

/** Where to go after signing in: a path on this site only (never another site: no open redirect). */
export const NextQuery = z.object({
  nasta: z
    .string()
    .max(500)
    .optional()
    .transform((p) => (p && /^\/(?![/\\])[^\s\\]*$/.test(p) ? p : "/")),
});
