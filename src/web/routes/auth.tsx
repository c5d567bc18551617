import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { NewPassword } from "../../auth/passwords.js";
import { changePassword } from "../../commands/changePassword.js";
import { getAccountPage } from "../../commands/getAccountPage.js";
import { ResetRequestForm, requestPasswordReset } from "../../commands/requestPasswordReset.js";
import { checkLink, setPasswordWithLink } from "../../commands/setPasswordWithLink.js";
import { SignInForm, signInWithPassword } from "../../commands/signInWithPassword.js";
import { signOut } from "../../commands/signOut.js";
import { finishSso, SSO_VALID_MS, startSso } from "../../commands/singleSignOn.js";
import type { NewSession } from "../../commands/startSession.js";
import type { Tx } from "../../db/client.js";
import { AppError, isAppError } from "../../errors.js";
import type { AuthContext } from "../app.js";
import { sendPage } from "../render.js";
import { clearSessionCookie, isHttps, sessionTokenOf, setSessionCookie } from "../session-cookie.js";
import { NextQuery, parseInput, TokenParams } from "../validate.js";
import { AccountPage, ForgotPasswordPage, type FormError, SetPasswordPage, SignInPage } from "../views/auth-pages.js";

const SSO_COOKIE = "samrad_sso";

/** A form's zod failure as a message for the form, or undefined when it parsed. */
function formError(result: z.ZodSafeParseResult<unknown>): FormError | undefined {
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return { message: `Kontrollera fältet: ${issue?.message ?? "okänt fel"}.`, field: issue?.path.join(".") };
}

/** Sign-in, sign-out, password reset, first sign-in links, single sign-on and the account page. */
export function registerAuthRoutes(app: FastifyInstance, db: Tx, ctx: AuthContext): void {
  // One counter per address across every form that takes a password or a link, so guessing cannot
  // move from one form to the next.
  const signinLimit = { onRequest: app.rateLimit({ max: ctx.auth.signinPerMinute, timeWindow: "1 minute" }) };
  const sso = ctx.auth.oidc ? { label: ctx.auth.oidc.label } : undefined;
  const secure = (req: FastifyRequest) => isHttps(req, ctx.publicUrl);
  const signedIn = (req: FastifyRequest, reply: FastifyReply, session: NewSession, next: string) => {
    setSessionCookie(reply, session.token, secure(req));
    return reply.redirect(next, 303);
  };

  app.get("/logga-in", async (req, reply) => {
    const { nasta } = parseInput(NextQuery, req.query, "Adressen");
    if (req.actor.userId !== null) return reply.redirect(nasta, 303);
    return sendPage(reply, <SignInPage next={nasta} sso={sso} />);
  });

  app.post("/logga-in", signinLimit, async (req, reply) => {
    const { nasta } = parseInput(NextQuery, req.query, "Adressen");
    const parsed = SignInForm.safeParse(req.body);
    if (!parsed.success) {
      const error = formError(parsed);
      return sendPage(reply, <SignInPage next={nasta} sso={sso} {...(error ? { error } : {})} />, 400);
    }
    const result = await db
      .transaction()
      .execute((tx) => signInWithPassword(tx, { ...parsed.data, previousToken: sessionTokenOf(req) }));
    if (result.ok) return signedIn(req, reply, result.session, nasta);
    const error = { message: result.message, field: "password" };
    return sendPage(reply, <SignInPage next={nasta} sso={sso} email={parsed.data.email} error={error} />, 401);
  });

  app.post("/logga-ut", async (req, reply) => {
    await db.transaction().execute((tx) => signOut(tx, { actor: req.actor, token: sessionTokenOf(req) }));
    clearSessionCookie(reply, secure(req));
    return reply.redirect("/", 303);
  });

  app.post("/logga-ut-overallt", async (req, reply) => {
    await db
      .transaction()
      .execute((tx) => signOut(tx, { actor: req.actor, token: sessionTokenOf(req), everywhere: true }));
    clearSessionCookie(reply, secure(req));
    return reply.redirect("/logga-in", 303);
  });

  app.get("/glomt-losenord", async (_req, reply) => sendPage(reply, <ForgotPasswordPage />));

  app.post("/glomt-losenord", signinLimit, async (req, reply) => {
    const parsed = ResetRequestForm.safeParse(req.body);
    const error = formError(parsed);
    if (!parsed.success || error) return sendPage(reply, <ForgotPasswordPage {...(error ? { error } : {})} />, 400);
    await db
      .transaction()
      .execute((tx) => requestPasswordReset(tx, { email: parsed.data.email, baseUrl: ctx.baseUrl() }));
    return sendPage(reply, <ForgotPasswordPage sent />);
  });

  for (const [path, purpose] of [
    ["/aterstall", "reset"],
    ["/forsta-inloggning", "first_signin"],
  ] as const) {
    const first = purpose === "first_signin";
    app.get(`${path}/:token`, async (req, reply) => {
      const { token } = parseInput(TokenParams, req.params, "Länken");
      await checkLink(db, { secret: token, purpose });
      return sendPage(reply, <SetPasswordPage action={`${path}/${token}`} first={first} />);
    });

    app.post(`${path}/:token`, signinLimit, async (req, reply) => {
      const { token } = parseInput(TokenParams, req.params, "Länken");
      const raw = (req.body ?? {}) as { password?: unknown };
      // A first sign-in may skip choosing a password (the admin can set one later, or use SSO).
      const schema = z.object({ password: first ? NewPassword.optional().or(z.literal("")) : NewPassword });
      const parsed = schema.safeParse({ password: raw.password });
      const error = formError(parsed);
      if (!parsed.success || error) {
        return sendPage(reply, <SetPasswordPage action={`${path}/${token}`} first={first} error={error} />, 400);
      }
      const password = parsed.data.password || undefined;
      const session = await db.transaction().execute((tx) =>
        setPasswordWithLink(tx, {
          secret: token,
          purpose,
          ...(password ? { password } : {}),
          previousToken: sessionTokenOf(req),
        }),
      );
      return signedIn(req, reply, session, first && !password ? "/konto" : "/");
    });
  }

  app.get("/konto", async (req, reply) => {
    const data = await getAccountPage(db, { actor: req.actor });
    if (!data) throw new AppError("unauthorized", "Logga in för att se ditt konto.");
    return sendPage(reply, <AccountPage data={data} csrfToken={req.csrfToken} />);
  });

  app.post("/konto/losenord", async (req, reply) => {
    const form = parseInput(
      z.object({ current: z.string().max(200).default(""), password: NewPassword }),
      req.body,
      "Formuläret",
    );
    try {
      await db.transaction().execute((tx) =>
        changePassword(tx, {
          actor: req.actor,
          current: form.current,
          password: form.password,
          sessionId: req.sessionId,
        }),
      );
    } catch (e) {
      if (!isAppError(e) || e.code !== "bad_request") throw e;
      const data = await getAccountPage(db, { actor: req.actor });
      if (!data) throw e;
      const error = { message: e.message, field: e.where };
      return sendPage(reply, <AccountPage data={data} csrfToken={req.csrfToken} error={error} />, 400);
    }
    const data = await getAccountPage(db, { actor: req.actor });
    if (!data) throw new AppError("unauthorized", "Logga in för att se ditt konto.");
    return sendPage(reply, <AccountPage data={data} csrfToken={req.csrfToken} saved />);
  });

  app.get("/sso", signinLimit, async (req, reply) => {
    const oidc = ctx.oidc;
    if (!oidc) throw new AppError("not_found", "Inloggning med kommunens konto är inte inställd här.");
    const { nasta } = parseInput(NextQuery, req.query, "Adressen");
    const { url, state } = await db
      .transaction()
      .execute((tx) => startSso(tx, { oidc, redirectUri: `${ctx.baseUrl()}/sso/callback`, next: nasta }));
    reply.setCookie(SSO_COOKIE, state, {
      path: "/sso",
      httpOnly: true,
      sameSite: "lax",
      secure: secure(req),
      maxAge: SSO_VALID_MS / 1000,
    });
    return reply.redirect(url.href, 303);
  });

  app.get("/sso/callback", async (req, reply) => {
    const oidc = ctx.oidc;
    if (!oidc) throw new AppError("not_found", "Inloggning med kommunens konto är inte inställd här.");
    reply.clearCookie(SSO_COOKIE, { path: "/sso" });
    const callbackUrl = new URL(req.url, ctx.baseUrl());
    try {
      const session = await db
        .transaction()
        .execute((tx) =>
          finishSso(tx, { oidc, callbackUrl, state: req.cookies[SSO_COOKIE], previousToken: sessionTokenOf(req) }),
        );
      return signedIn(req, reply, session, session.next);
    } catch (e) {
      if (!isAppError(e) || (e.code !== "unauthorized" && e.code !== "forbidden")) throw e;
      return sendPage(reply, <SignInPage next="/" sso={sso} error={{ message: e.message }} />, e.status);
    }
  });
}
