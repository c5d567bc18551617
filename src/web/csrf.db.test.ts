import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { postForm, type SignedIn, signIn } from "../../test/web.js";
import type { Database } from "../db/client.js";
import { buildApp } from "./app.js";

describe("sessions and CSRF", () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedIn;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database });
    app.post("/__echo", async (req) => ({ actor: req.actor.label }));
    admin = await signIn(database.db, { isAdmin: true, email: "admin@exempel.se" });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("resolves the session cookie to the signed-in user", async () => {
    const res = await postForm(app, admin, "/__echo", {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ actor: "admin@exempel.se" });
  });

  it("refuses a signed-in POST without the right CSRF token", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/__echo",
      payload: "_csrf=wrong",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Formuläret har gått ut");
  });

  it("treats an unknown session cookie as nobody signed in", async () => {
    const res = await app.inject({ method: "POST", url: "/__echo", headers: { cookie: "samrad_session=nonsense" } });
    expect(res.json()).toEqual({ actor: "anonymous" });
  });
});
