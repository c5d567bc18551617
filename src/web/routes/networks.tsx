import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { addMembership } from "../../commands/addMembership.js";
import { createNetwork } from "../../commands/createNetwork.js";
import { editStandingItems } from "../../commands/editStandingItems.js";
import {
  getAllContacts,
  getContactList,
  getMembersEditor,
  getMembershipEditor,
  getNetworkEditor,
  listParentOptions,
} from "../../commands/getNetworkEditors.js";
import { replaceMember } from "../../commands/replaceMember.js";
import { saveRepresentation } from "../../commands/saveRepresentation.js";
import { updateMembership } from "../../commands/updateMembership.js";
import { updateNetwork } from "../../commands/updateNetwork.js";
import { updateNetworkRules } from "../../commands/updateNetworkRules.js";
import type { Tx } from "../../db/client.js";
import { findNetworkBySlug } from "../../db/queries/networks.js";
import { todayInSweden } from "../../domain/dates.js";
import {
  MembershipInput,
  MembershipUpdateInput,
  NetworkInput,
  NetworkRulesInput,
  ReplacementInput,
  RepresentationInput,
  StandingItemInput,
} from "../../domain/network-input.js";
import { AppError, notFound } from "../../errors.js";
import { attempt, type FormState, failedForm, formBody, idParam, parseForm } from "../forms.js";
import { sendPage } from "../render.js";
import { parseInput, SlugParams } from "../validate.js";
import { AllContactsPage, ContactListPage } from "../views/contact-list.js";
import { noticeFrom } from "../views/meeting-editor-layout.js";
import { MembersEditorPage, MembershipEditPage } from "../views/members-editor.js";
import { NetworkSettingsPage, NewNetworkPage } from "../views/network-form.js";

const id = idParam;
const SlugIdParams = SlugParams.extend({ id });

/** Networks and members: create and edit networks, standing items, members over time, contact lists. */
export function registerNetworkRoutes(app: FastifyInstance, db: Tx): void {
  const run = <T,>(fn: (tx: Tx) => Promise<T>) => attempt(() => db.transaction().execute(fn));
  const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);
  const networkId = async (slug: string) => {
    const n = await findNetworkBySlug(db, slug);
    if (!n) throw notFound("Nätverket");
    return n.id;
  };

  async function settingsPage(req: FastifyRequest, reply: FastifyReply, slug: string, state?: FormState, status = 200) {
    const data = await getNetworkEditor(db, { actor: req.actor, slug });
    return sendPage(
      reply,
      <NetworkSettingsPage data={data} csrf={req.csrfToken} state={state} notice={noticeFrom(req.query)} />,
      status,
    );
  }
  async function membersPage(req: FastifyRequest, reply: FastifyReply, slug: string, state?: FormState, status = 200) {
    const data = await getMembersEditor(db, { actor: req.actor, slug, today: todayInSweden() });
    return sendPage(
      reply,
      <MembersEditorPage data={data} csrf={req.csrfToken} state={state} notice={noticeFrom(req.query)} />,
      status,
    );
  }

  app.get("/natverk/nytt", async (req, reply) => {
    if (req.actor.userId === null && !req.actor.isAdmin)
      throw new AppError("unauthorized", "Logga in för att skapa ett nätverk.");
    const parents = await listParentOptions(db);
    const slug = (req.query as { overordnat?: unknown }).overordnat;
    const parent = typeof slug === "string" ? await findNetworkBySlug(db, slug.slice(0, 80)) : undefined;
    return sendPage(reply, <NewNetworkPage parents={parents} parentId={parent?.id} csrf={req.csrfToken} />);
  });

  app.post("/natverk", async (req, reply) => {
    const body = formBody(req);
    const parsed = parseForm(NetworkInput, body);
    const result = parsed.ok ? await run((tx) => createNetwork(tx, { actor: req.actor, input: parsed.data })) : parsed;
    if (result.ok) return see(reply, `/natverk/${result.value.slug}/medlemmar?klart=sparat`);
    const parents = await listParentOptions(db);
    return sendPage(
      reply,
      <NewNetworkPage
        parents={parents}
        parentId={undefined}
        csrf={req.csrfToken}
        state={failedForm("natverk", body, result)}
      />,
      result.status,
    );
  });

  app.get("/natverk/:slug/redigera", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    return settingsPage(req, reply, slug);
  });

  app.post("/natverk/:slug/redigera", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(NetworkInput, body);
    const nid = await networkId(slug);
    const result = parsed.ok
      ? await run((tx) => updateNetwork(tx, { actor: req.actor, networkId: nid, input: parsed.data }))
      : parsed;
    if (result.ok) {
      const fresh = await db.selectFrom("networks").select("slug").where("id", "=", nid).executeTakeFirstOrThrow();
      return see(reply, `/natverk/${fresh.slug}/redigera?klart=sparat`);
    }
    return settingsPage(req, reply, slug, failedForm("natverk", body, result), result.status);
  });

  app.post("/natverk/:slug/regler", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(NetworkRulesInput, body);
    const nid = await networkId(slug);
    const result = parsed.ok
      ? await run((tx) => updateNetworkRules(tx, { actor: req.actor, networkId: nid, input: parsed.data }))
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/redigera?klart=sparat`);
    return settingsPage(req, reply, slug, failedForm("regler", body, result), result.status);
  });

  app.post("/natverk/:slug/staende", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(StandingItemInput, body);
    const nid = await networkId(slug);
    const result = parsed.ok
      ? await run((tx) =>
          editStandingItems(tx, { actor: req.actor, networkId: nid, change: { op: "add", ...parsed.data } }),
        )
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/redigera?klart=sparat#staende-rubrik`);
    return settingsPage(req, reply, slug, failedForm("staende", body, result), result.status);
  });

  app.post("/natverk/:slug/staende/:id", async (req, reply) => {
    const { slug, id: standingItemId } = parseInput(SlugIdParams, req.params, "Adressen");
    const { op } = parseInput(z.object({ op: z.enum(["upp", "ned", "ta-bort"]) }), formBody(req), "Formuläret");
    const nid = await networkId(slug);
    const change =
      op === "ta-bort"
        ? ({ op: "remove", standingItemId } as const)
        : ({ op: "move", standingItemId, direction: op === "upp" ? "up" : "down" } as const);
    const result = await run((tx) => editStandingItems(tx, { actor: req.actor, networkId: nid, change }));
    if (result.ok) return see(reply, `/natverk/${slug}/redigera?klart=sparat#staende-rubrik`);
    return settingsPage(req, reply, slug, failedForm("staende", {}, result), result.status);
  });

  app.get("/natverk/:slug/medlemmar", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    return membersPage(req, reply, slug);
  });

  app.post("/natverk/:slug/medlemmar", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(MembershipInput, body);
    const nid = await networkId(slug);
    const result = parsed.ok
      ? await run((tx) => addMembership(tx, { actor: req.actor, networkId: nid, input: parsed.data }))
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/medlemmar?klart=sparat`);
    return membersPage(req, reply, slug, failedForm("ny-medlem", body, result), result.status);
  });

  app.get("/natverk/:slug/medlemmar/:id", async (req, reply) => {
    const { slug, id: membershipId } = parseInput(SlugIdParams, req.params, "Adressen");
    const data = await getMembershipEditor(db, { actor: req.actor, slug, membershipId });
    return sendPage(reply, <MembershipEditPage data={data} csrf={req.csrfToken} />);
  });

  app.post("/natverk/:slug/medlemmar/:id", async (req, reply) => {
    const { slug, id: membershipId } = parseInput(SlugIdParams, req.params, "Adressen");
    const body = formBody(req);
    const data = await getMembershipEditor(db, { actor: req.actor, slug, membershipId });
    const parsed = parseForm(MembershipUpdateInput, body);
    const result = parsed.ok
      ? await run((tx) => updateMembership(tx, { actor: req.actor, membershipId, input: parsed.data }))
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/medlemmar?klart=sparat`);
    return sendPage(
      reply,
      <MembershipEditPage data={data} csrf={req.csrfToken} state={failedForm("medlemskap", body, result)} />,
      result.status,
    );
  });

  app.post("/natverk/:slug/ersattare", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(ReplacementInput, body);
    const nid = await networkId(slug);
    const result = parsed.ok
      ? await run((tx) => replaceMember(tx, { actor: req.actor, networkId: nid, input: parsed.data }))
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/medlemmar?klart=sparat`);
    return membersPage(req, reply, slug, failedForm("ersatt", body, result), result.status);
  });

  app.post("/natverk/:slug/representanter", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(RepresentationInput, body);
    const nid = await networkId(slug);
    const result = parsed.ok
      ? await run((tx) => saveRepresentation(tx, { actor: req.actor, networkId: nid, input: parsed.data }))
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/medlemmar?klart=sparat#representanter-rubrik`);
    return membersPage(req, reply, slug, failedForm("representant", body, result), result.status);
  });

  app.post("/natverk/:slug/representanter/:id", async (req, reply) => {
    const { slug, id: representationId } = parseInput(SlugIdParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(RepresentationInput, body);
    const nid = await networkId(slug);
    const result = parsed.ok
      ? await run((tx) =>
          saveRepresentation(tx, { actor: req.actor, networkId: nid, representationId, input: parsed.data }),
        )
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/medlemmar?klart=sparat#representanter-rubrik`);
    return membersPage(req, reply, slug, failedForm(`representant-${representationId}`, body, result), result.status);
  });

  app.get("/natverk/:slug/kontakter", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const data = await getContactList(db, { actor: req.actor, slug, today: todayInSweden() });
    return sendPage(reply, <ContactListPage data={data} />);
  });

  app.get("/kontakter", async (req, reply) => {
    const data = await getAllContacts(db, { actor: req.actor, today: todayInSweden() });
    return sendPage(reply, <AllContactsPage data={data} />);
  });
}
