import type { FastifyInstance } from "fastify";
import { ensureFirstAdmin } from "../commands/ensureFirstAdmin.js";
import { loadDemoData } from "../commands/loadDemoData.js";
import type { Config } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { DEMO_PASSWORD } from "../demo/demo-data.js";
import { todayInSweden } from "../domain/dates.js";
import { createMailer } from "../mail/transport.js";
import { startOutboxWorker } from "../mail/worker.js";
import { buildApp } from "./app.js";

/** A running server and how to stop it cleanly. */
export type RunningServer = {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** a one-time sign-in link for the first admin, while no admin can sign in yet */
  firstSignInUrl: string | undefined;
  stop(): Promise<void>;
};

/** Whether the database holds no networks yet (a fresh start). */
async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom("networks").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Opens and migrates the database, loads the demo data on an empty one when asked,
 * and listens. Stops cleanly on SIGINT/SIGTERM so PGlite's folder is released.
 */
export async function startServer(
  config: Config,
  opts: { demoWhenEmpty?: boolean; logger?: boolean; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    if (opts.demoWhenEmpty && (await isEmpty(database))) {
      const summary = await database.db.transaction().execute((tx) => loadDemoData(tx, { today: todayInSweden() }));
      log(
        `Loaded demo data: ${summary.networks} networks, ${summary.people} people, ${summary.meetings} meetings, ${summary.decisions} decisions, ${summary.actions} actions.`,
      );
      log(`Demo accounts (password "${DEMO_PASSWORD}", for the fictional demo only):`);
      for (const a of summary.accounts) log(`  ${a.email} – ${a.what}`);
    }
    const first = await database.db
      .transaction()
      .execute((tx) => ensureFirstAdmin(tx, { email: config.auth.adminEmail, password: config.auth.adminPassword }));
    if (first.created) log(`Created the first admin account, ${first.email}.`);
    const app = await buildApp({
      database,
      logger: opts.logger ?? false,
      publicUrl: config.publicUrl,
      auth: config.auth,
    });
    await app.listen({ port: config.port, host: config.host });
    // Sends queued mail (SMTP, or the local mailbox without SMTP_URL) until the server stops.
    const outbox = startOutboxWorker(database.db, {
      mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
      log,
    });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url =
      config.publicUrl ??
      `http://${config.host === "0.0.0.0" ? "localhost" : config.host === "127.0.0.1" ? "localhost" : config.host}:${port}`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await outbox.stop();
      await app.close();
      await database.close();
    };
    const firstSignInUrl = first.linkPath ? `${url.replace(/\/$/, "")}${first.linkPath}` : undefined;
    return { app, database, url, firstSignInUrl, stop };
  } catch (e) {
    await database.close();
    throw e;
  }
}
