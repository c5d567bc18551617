import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { anonymizePerson } from "../../commands/anonymizePerson.js";
import { createUser, NewUserInput } from "../../commands/createUser.js";
import { exportPerson } from "../../commands/exportPerson.js";
import { getAdminPage, getAdminPeople, PeopleQuery } from "../../commands/getAdminPages.js";
import { AuditFilterQuery, getAuditLog } from "../../commands/getAuditLog.js";
import { updateUser } from "../../commands/updateUser.js";
import type { Tx } from "../../db/client.js";
import { isAppError } from "../../errors.js";
import type { AuthContext } from "../app.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput } from "../validate.js";
import { AdminPage, AdminPeoplePage, AuditLogPage } from "../views/admin-pages.js";

const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

/** The new-user form as posted: empty network and password fields mean none. */
const NewUserForm = z.object({
  email: z.string(),
  name: z.string(),
  role: z.string(),
  networkId: z
    .string()
    .regex(/^(|[1-9]\d{0,9})$/, "välj ett nätverk i listan")
    .transform((v) => (v === "" ? undefined : Number(v))),
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** The secretariat's pages: accounts, the audit log, and GDPR export and anonymization. */
export function registerAdminRoutes(app: FastifyInstance, db: Tx, ctx: Pick<AuthContext, "baseUrl">): void {
  app.get("/admin", async (req, reply) => {
    const data = await getAdminPage(db, { actor: req.actor });
    const added = (req.query as { ny?: string }).ny === "1";
    return sendPage(reply, <AdminPage data={data} csrfToken={req.csrfToken} added={added} />);
  });

  app.post("/admin/anvandare", async (req, reply) => {
    const form = parseInput(NewUserForm, req.body, "Formuläret");
    try {
      const user = parseInput(NewUserInput, form, "Användaren");
      await db.transaction().execute((tx) => createUser(tx, { actor: req.actor, user, baseUrl: ctx.baseUrl() }));
      return reply.redirect("/admin?ny=1", 303);
    } catch (e) {
      if (!isAppError(e) || (e.code !== "bad_request" && e.code !== "conflict") || !req.actor.isAdmin) throw e;
      const data = await getAdminPage(db, { actor: req.actor });
      const error = { message: e.message, field: e.where };
      return sendPage(reply, <AdminPage data={data} csrfToken={req.csrfToken} error={error} />, e.status);
    }
  });

  app.post("/admin/anvandare/:id", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const form = parseInput(z.object({ isAdmin: checkbox, disabled: checkbox }), req.body, "Formuläret");
    await db.transaction().execute((tx) => updateUser(tx, { actor: req.actor, userId: id, change: form }));
    return reply.redirect("/admin", 303);
  });

  app.get("/admin/logg", async (req, reply) => {
    const query = parseInput(AuditFilterQuery, req.query, "Filtret");
    const data = await getAuditLog(db, { actor: req.actor, query });
    return sendPage(reply, <AuditLogPage data={data} />);
  });

  app.get("/admin/personer", async (req, reply) => {
    const { q } = parseInput(PeopleQuery, req.query, "Sökningen");
    const data = await getAdminPeople(db, { actor: req.actor, q });
    return sendPage(reply, <AdminPeoplePage data={data} csrfToken={req.csrfToken} />);
  });

  app.post("/admin/personer/:id/export", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const data = await db.transaction().execute((tx) => exportPerson(tx, { actor: req.actor, personId: id }));
    // The file name is built from the id only: nothing a person typed ends up in a header or a path.
    return reply
      .type("application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="samrad-person-${id}.json"`)
      .header("cache-control", "no-store")
      .send(JSON.stringify(data, null, 2));
  });

  app.post("/admin/personer/:id/anonymisera", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    parseInput(z.object({ confirm: z.literal("ja", { message: "bekräfta anonymiseringen" }) }), req.body, "Formuläret");
    const result = await db.transaction().execute((tx) => anonymizePerson(tx, { actor: req.actor, personId: id }));
    const data = await getAdminPeople(db, { actor: req.actor, q: undefined });
    const done = `Personen heter nu ”${result.name}” överallt; ${result.accountsDisabled} konto(n) stängdes av.`;
    return sendPage(reply, <AdminPeoplePage data={data} csrfToken={req.csrfToken} done={done} />);
  });
}
