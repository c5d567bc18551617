import type { Command } from "commander";
import { startServer } from "../web/server.js";
import { configFrom } from "./context.js";

/** `samrad serve [--port N] [--data DIR] [--no-demo]`: serves the web app until stopped. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web app (loads the demo data into an empty embedded database)")
    .option("--port <n>", "port to listen on (env PORT, default 3000)")
    .option("--host <host>", "address to listen on (env HOST, default 127.0.0.1)")
    .option("--data <dir>", "data folder for the embedded database")
    .option("--no-demo", "do not load the demo data into an empty database")
    .action(async (opts: { port?: string; host?: string; data?: string; demo: boolean }, cmd: Command) => {
      const port = opts.port === undefined ? undefined : Number(opts.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
        throw new Error(`--port must be a number between 0 and 65535, not "${opts.port}"`);
      }
      const config = configFrom(cmd, {
        ...(port !== undefined ? { port } : {}),
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.data ? { dataDir: opts.data } : {}),
      });
      const started = Date.now();
      const server = await startServer(config, { demoWhenEmpty: opts.demo && !config.databaseUrl });
      const where = server.database.kind === "pglite" ? `data folder ${config.dataDir}` : server.database.location;
      console.log(
        `Samråd is running at ${server.url} (${where}, ready in ${Date.now() - started} ms). Stop with Ctrl+C.`,
      );
      if (server.firstSignInUrl) {
        console.log(`Sign in as the admin with this one-time link (valid 24 hours): ${server.firstSignInUrl}`);
      }
      const shutdown = () => {
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
