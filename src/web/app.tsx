import { join } from "node:path";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { OidcClient } from "../auth/oidc.js";
import { type AuthConfig, DEFAULT_AUTH } from "../config.js";
import type { Database } from "../db/client.js";
import { AppError, isAppError } from "../errors.js";
import { SRC_DIR } from "../source-root.js";
import { registerActor } from "./actor.js";
import { registerCsrfCheck } from "./csrf.js";
import { sendPage } from "./render.js";
import { registerAdminRoutes } from "./routes/admin.js";
import { registerAuthRoutes } from "./routes/auth.js";
import { registerExportRoutes } from "./routes/exports.js";
import { registerHistoryRoutes } from "./routes/history.js";
import { registerImportRoutes } from "./routes/import.js";
import { registerMeetingRoutes } from "./routes/meetings.js";
import { registerMyActionRoutes } from "./routes/my-actions.js";
import { registerNetworkRoutes } from "./routes/networks.js";
import { registerPageRoutes } from "./routes/pages.js";
import { registerPlanRoutes } from "./routes/plans.js";
import { registerPollRoutes } from "./routes/polls.js";
import { registerReportRoutes } from "./routes/reports.js";
import { registerSearchRoutes } from "./routes/search.js";
import { registerSubmittedItemRoutes } from "./routes/submitted-items.js";
import { ErrorPage } from "./views/error-page.js";

const ASSETS_DIR = join(SRC_DIR, "web", "assets");

/** Options for building the web app. */
export type AppOptions = {
  database: Database;
  logger?: boolean;
  /** the address people use (links in mail, the single sign-on callback); else where the server listens */
  publicUrl?: string | undefined;
  auth?: Partial<AuthConfig>;
};

/** A route as registered, for the permission walk. */
export type RegisteredRoute = { method: string; url: string };

/** What the auth and admin routes need from the app. */
export type AuthContext = {
  auth: AuthConfig;
  publicUrl: string | undefined;
  oidc: OidcClient | undefined;
  /** the base of links in mail and of the single sign-on callback */
  baseUrl(): string;
};

declare module "fastify" {
  interface FastifyInstance {
    /** Every route registered, in order (HEAD twins left out). */
    samradRoutes: RegisteredRoute[];
  }
}

function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith("/api/") || (req.headers.accept ?? "").includes("application/json");
}

function sendError(req: FastifyRequest, reply: FastifyReply, status: number, message: string, where?: string) {
  if (wantsJson(req)) return reply.status(status).send({ error: { status, message, ...(where ? { where } : {}) } });
  return sendPage(reply, <ErrorPage status={status} message={message} where={where} />, status);
}

/** Builds the Fastify app: security headers, compression, assets, pages, errors. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const auth: AuthConfig = { ...DEFAULT_AUTH, ...opts.auth };
  const app = Fastify({
    logger: opts.logger ? { level: "info" } : false,
    trustProxy: auth.trustProxy,
    bodyLimit: 1024 * 1024,
    // Fastify rejects absurd parameters itself; pages ignore query fields they don't read.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });

  app.decorate("samradRoutes", [] as RegisteredRoute[]);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== "HEAD") app.samradRoutes.push({ method, url: route.url });
    // Every API route is rate-limited per address unless it declares its own limit.
    if (route.url.startsWith("/api/") && route.config?.rateLimit === undefined) {
      route.config = { ...route.config, rateLimit: { max: auth.apiPerMinute, timeWindow: "1 minute" } };
    }
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new AppError("too_many_requests", "För många försök från din adress. Vänta en minut och försök igen."),
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on same-origin
    // form posts, which the cross-origin check must refuse. Other sites still get no referrer.
    referrerPolicy: { policy: "same-origin" },
  });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(formbody);
  await app.register(cookie);
  registerActor(app, opts.database.db);
  registerCsrfCheck(app, { publicUrl: opts.publicUrl });
  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: "/assets/", maxAge: "1h" });

  app.setErrorHandler((error, req, reply) => {
    if (isAppError(error)) {
      // A page that needs a sign-in sends the browser to the sign-in form, and back afterwards.
      if (error.code === "unauthorized" && req.method === "GET" && !wantsJson(req)) {
        return reply.redirect(`/logga-in?nasta=${encodeURIComponent(req.url)}`, 303);
      }
      return sendError(req, reply, error.status, error.message, error.where);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = status === 413 ? "Det du skickade är för stort." : "Begäran kunde inte tolkas.";
      return sendError(req, reply, status, message);
    }
    req.log.error(error);
    return sendError(
      req,
      reply,
      500,
      "Ett oväntat fel inträffade. Inget av det du skrev har gått förlorat; försök igen.",
    );
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, "Det finns ingen sida på den här adressen."));

  app.get("/healthz", async () => {
    await opts.database.db.selectFrom("schema_migrations").select("version").limit(1).execute();
    return { status: "ok", database: opts.database.kind };
  });
  const ctx: AuthContext = {
    auth,
    publicUrl: opts.publicUrl,
    oidc: auth.oidc ? new OidcClient(auth.oidc) : undefined,
    baseUrl() {
      if (opts.publicUrl) return opts.publicUrl;
      const address = app.server.address();
      return typeof address === "object" && address ? `http://localhost:${address.port}` : "http://localhost";
    },
  };
  registerPageRoutes(app, opts.database.db);
  registerAuthRoutes(app, opts.database.db, ctx);
  registerAdminRoutes(app, opts.database.db, ctx);
  registerHistoryRoutes(app, opts.database.db);
  registerExportRoutes(app, opts.database.db);
  registerMeetingRoutes(app, opts.database.db);
  registerMyActionRoutes(app, opts.database.db);
  registerNetworkRoutes(app, opts.database.db);
  registerPlanRoutes(app, opts.database.db);
  registerSearchRoutes(app, opts.database.db);
  registerReportRoutes(app, opts.database.db);
  registerImportRoutes(app, opts.database.db);
  registerPollRoutes(app, opts.database.db);
  registerSubmittedItemRoutes(app, opts.database.db);
  return app;
}
