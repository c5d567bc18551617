import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the test SMTP server received it. */
export type Received = { from: string; to: string[]; raw: Buffer };

/**
 * A real SMTP server inside the test process on 127.0.0.1. It can refuse chosen recipients with a
 * 550, stop itself after N messages (the "server goes down mid-run" case), and start again on the
 * same port.
 */
export class TestSmtp {
  readonly received: Received[] = [];
  rejectRecipients = new Set<string>();
  stopAfter: number | null = null;
  port = 0;
  private server: SMTPServer | null = null;

  /** Starts listening (on the previous port when restarted). */
  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 2000,
      onRcptTo: (address, _session, callback) => {
        if (this.rejectRecipients.has(address.address.toLowerCase())) {
          const err = new Error("5.1.1 Mottagaren finns inte") as Error & { responseCode: number };
          err.responseCode = 550;
          return callback(err);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
          if (this.stopAfter !== null && this.received.length >= this.stopAfter) {
            this.stopAfter = null;
            void this.stop();
          }
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
  }

  /** Stops listening; new connections are refused until start() is called again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The SMTP_URL of this server. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}
