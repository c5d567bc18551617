import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Database } from "../db/client.js";
import { isAppError } from "../errors.js";
import { registerActor } from "./actor.js";
import { registerCsrfCheck } from "./csrf.js";
import { sendPage } from "./render.js";
import { registerExportRoutes } from "./routes/exports.js";
import { registerMeetingRoutes } from "./routes/meetings.js";
import { registerMyActionRoutes } from "./routes/my-actions.js";
import { registerNetworkRoutes } from "./routes/networks.js";
import { registerPageRoutes } from "./routes/pages.js";
import { registerReportRoutes } from "./routes/reports.js";
import { registerSearchRoutes } from "./routes/search.js";
import { ErrorPage } from "./views/error-page.js";

const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), "assets");

/** Options for building the web app. */
export type AppOptions = { database: Database; logger?: boolean };

function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith("/api/") || (req.headers.accept ?? "").includes("application/json");
}

function sendError(req: FastifyRequest, reply: FastifyReply, status: number, message: string, where?: string) {
  if (wantsJson(req)) return reply.status(status).send({ error: { status, message, ...(where ? { where } : {}) } });
  return sendPage(reply, <ErrorPage status={status} message={message} where={where} />, status);
}

/** Builds the Fastify app: security headers, compression, assets, pages, errors. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: "info" } : false,
    bodyLimit: 1024 * 1024,
    // Fastify rejects absurd parameters itself; pages ignore query fields they don't read.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
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
  });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(formbody);
  await app.register(cookie);
  registerActor(app, opts.database.db);
  registerCsrfCheck(app);
  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: "/assets/", maxAge: "1h" });

  app.setErrorHandler((error, req, reply) => {
    if (isAppError(error)) return sendError(req, reply, error.status, error.message, error.where);
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
  registerPageRoutes(app, opts.database.db);
  registerExportRoutes(app, opts.database.db);
  registerMeetingRoutes(app, opts.database.db);
  registerMyActionRoutes(app, opts.database.db);
  registerNetworkRoutes(app, opts.database.db);
  registerSearchRoutes(app, opts.database.db);
  registerReportRoutes(app, opts.database.db);
  return app;
}
