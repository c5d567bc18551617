import type { Command } from "commander";
import { createUser, NewUserInput, USER_ROLES } from "../commands/createUser.js";
import { listUsers } from "../db/queries/users.js";
import { SYSTEM } from "../domain/permissions.js";
import { configFrom, withDatabase } from "./context.js";

/** Reads all of standard input (a password piped in); empty when it is a terminal nobody typed into. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("Password (at least 12 characters; end with Enter and Ctrl+D, or leave empty): ");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** `samrad user add|list`: accounts from the command line. */
export function registerUserCommand(program: Command): void {
  const user = program.command("user").description("manage accounts");

  user
    .command("add")
    .description("add an account; the password is read from standard input (empty: no password)")
    .requiredOption("--email <email>", "e-mail address, used to sign in")
    .requiredOption("--name <name>", "the person's name")
    .requiredOption("--role <role>", `one of ${USER_ROLES.join(", ")}`)
    .option("--network <slug>", "the network a member or coordinator belongs to")
    .action(async (opts: { email: string; name: string; role: string; network?: string }, cmd: Command) => {
      const config = configFrom(cmd);
      const password = await readStdin();
      await withDatabase(config, async ({ db }) => {
        const network = opts.network
          ? await db.selectFrom("networks").select("id").where("slug", "=", opts.network).executeTakeFirst()
          : undefined;
        if (opts.network && !network) throw new Error(`there is no network with the address "${opts.network}"`);
        const parsed = NewUserInput.safeParse({
          email: opts.email,
          name: opts.name,
          role: opts.role,
          ...(network ? { networkId: network.id } : {}),
          ...(password ? { password } : {}),
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new Error(`${issue?.path.join(".") || "input"}: ${issue?.message}`);
        }
        const created = await db.transaction().execute((tx) =>
          createUser(tx, {
            actor: SYSTEM,
            user: parsed.data,
            ...(config.publicUrl ? { baseUrl: config.publicUrl } : {}),
          }),
        );
        console.log(
          `Added ${parsed.data.email} (user ${created.userId}, person ${created.personId}) as ${parsed.data.role}` +
            (password
              ? "."
              : created.invited
                ? "; an invitation with a sign-in link is queued."
                : "; no password set."),
        );
      });
    });

  user
    .command("list")
    .description("list every account")
    .action(async (_opts: unknown, cmd: Command) => {
      const config = configFrom(cmd);
      await withDatabase(config, async ({ db }) => {
        const users = await listUsers(db);
        const rows = users.map((u) => [
          String(u.id),
          u.email,
          u.name ?? "",
          u.isAdmin ? "admin" : u.networks ? u.networks : "reader",
          u.disabledAt ? "disabled" : "active",
          u.lastSigninAt ? u.lastSigninAt.toISOString().slice(0, 16).replace("T", " ") : "never",
        ]);
        const header = ["id", "email", "name", "role", "status", "last sign-in"];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
        for (const r of [header, ...rows])
          console.log(
            r
              .map((c, i) => c.padEnd(widths[i] ?? 0))
              .join("  ")
              .trimEnd(),
          );
      });
    });
}
