// Runs autocannon in its own process (so the load generator does not share the server's event
// loop). Forked once per server: each message is one load run, answered with its figures.
import autocannon from "autocannon";
import { z } from "zod";

const Config = z.object({
  url: z.string().url(),
  paths: z.array(z.string().startsWith("/")).min(1),
  seconds: z.number().positive(),
  connections: z.number().int().positive(),
  headers: z.record(z.string(), z.string()),
});

process.on("message", (message) => {
  const config = Config.parse(message);
  autocannon({
    url: config.url,
    connections: config.connections,
    duration: config.seconds,
    headers: config.headers,
    // Every connection walks through the paths in turn, so many different pages are asked for.
    requests: config.paths.map((path) => ({ method: "GET", path })),
  }).then(
    (result) =>
      process.send?.({
        ok: result["2xx"],
        non2xx: result.non2xx,
        errors: result.errors,
        rps: result["2xx"] / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
      }),
    (e: Error) => process.send?.({ error: e.message }),
  );
});
