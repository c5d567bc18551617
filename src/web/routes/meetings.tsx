import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { addAgendaItem } from "../../commands/addAgendaItem.js";
import { addAttachment, type Upload } from "../../commands/addAttachment.js";
import { addProposedItems } from "../../commands/addProposedItems.js";
import { approveMinutes } from "../../commands/approveMinutes.js";
import { changeMeetingState } from "../../commands/changeMeetingState.js";
import { correctMinutes } from "../../commands/correctMinutes.js";
import { networksToPlanIn } from "../../commands/getAbilities.js";
import { getAgendaEditor } from "../../commands/getAgendaEditor.js";
import { getAttachmentFile } from "../../commands/getAttachmentFile.js";
import { getAttendanceEditor } from "../../commands/getAttendanceEditor.js";
import { getMeetingDetailsEditor } from "../../commands/getMeetingDetailsEditor.js";
import { getMinutesEditor } from "../../commands/getMinutesEditor.js";
import { getMinutesVersion } from "../../commands/getMinutesVersion.js";
import { makeStandingItem } from "../../commands/makeStandingItem.js";
import { planMeeting } from "../../commands/planMeeting.js";
import { recordAction } from "../../commands/recordAction.js";
import { recordDecision } from "../../commands/recordDecision.js";
import { removeAgendaItem } from "../../commands/removeAgendaItem.js";
import { reorderAgenda } from "../../commands/reorderAgenda.js";
import { type MemberAttendance, saveAttendance } from "../../commands/saveAttendance.js";
import { saveItemNotes } from "../../commands/saveItemNotes.js";
import { saveRoundNote } from "../../commands/saveRoundNote.js";
import { setItemPostponed } from "../../commands/setItemPostponed.js";
import { submitItem } from "../../commands/submitItem.js";
import { updateAgendaItem } from "../../commands/updateAgendaItem.js";
import { updateMeetingDetails } from "../../commands/updateMeetingDetails.js";
import type { Tx } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { MAX_ATTACHMENT_BYTES } from "../../domain/file-type.js";
import {
  ActionInput,
  AgendaItemInput,
  BaseInput,
  CorrectionInput,
  DecisionInput,
  GuestInput,
  MeetingDetailsInput,
  NetworkChoiceInput,
  NotesInput,
  OrderInput,
  StandingFromDecisionInput,
  SubmitItemInput,
} from "../../domain/meeting-input.js";
import { AppError } from "../../errors.js";
import {
  attempt,
  type Failure,
  type FormState,
  failedForm,
  formBody,
  idParam,
  parseForm,
  wantsJson,
} from "../forms.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput } from "../validate.js";
import { AgendaEditorPage } from "../views/agenda-editor.js";
import { AttendanceEditorPage } from "../views/attendance-editor.js";
import { type NoticeKey, noticeFrom } from "../views/meeting-editor-layout.js";
import { MeetingDetailsPage, PlanMeetingPage } from "../views/meeting-form.js";
import { MinutesEditorPage } from "../views/minutes-editor.js";
import { MinutesVersionPage } from "../views/minutes-version-page.js";
import { sendMeetingPage } from "./meeting-page-reply.js";

const id = idParam;
const ItemParams = z.object({ id, itemId: id });
const RoundParams = z.object({ id, itemId: id, municipalityId: id });
const VersionParams = z.object({ id, version: id });

/** Meeting work: plan, agenda, attendance, live minutes, approval, corrections, files. */
export function registerMeetingRoutes(app: FastifyInstance, db: Tx): void {
  const run = <T,>(fn: (tx: Tx) => Promise<T>) => attempt(() => db.transaction().execute(fn));
  const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

  async function agendaPage(
    req: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    state?: FormState,
    status = 200,
  ) {
    const data = await getAgendaEditor(db, { actor: req.actor, meetingId });
    return sendPage(
      reply,
      <AgendaEditorPage data={data} csrf={req.csrfToken} state={state} notice={noticeFrom(req.query)} />,
      status,
    );
  }
  async function minutesPage(
    req: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    state?: FormState,
    status = 200,
  ) {
    const data = await getMinutesEditor(db, { actor: req.actor, meetingId });
    return sendPage(
      reply,
      <MinutesEditorPage data={data} csrf={req.csrfToken} state={state} notice={noticeFrom(req.query)} />,
      status,
    );
  }
  const meetingPage = (req: FastifyRequest, reply: FastifyReply, meetingId: number, state: FormState, status: number) =>
    sendMeetingPage(db, req, reply, meetingId, state, status);

  // --- planning and details ---

  app.get("/moten/nytt", async (req, reply) => {
    if (req.actor.userId === null && !req.actor.isAdmin)
      throw new AppError("unauthorized", "Logga in för att planera ett möte.");
    const networks = await networksToPlanIn(db, req.actor, todayInSweden());
    const slug = (req.query as { natverk?: unknown }).natverk;
    const chosen = typeof slug === "string" ? networks.find((n) => n.slug === slug) : undefined;
    return sendPage(reply, <PlanMeetingPage networks={networks} networkId={chosen?.id} csrf={req.csrfToken} />);
  });

  app.post("/moten", async (req, reply) => {
    const body = formBody(req);
    const network = parseForm(NetworkChoiceInput, body);
    const details = parseForm(MeetingDetailsInput, body);
    const result =
      network.ok && details.ok
        ? await run((tx) =>
            planMeeting(tx, { actor: req.actor, networkId: network.data.network_id, input: details.data }),
          )
        : ({
            ok: false,
            errors: { ...(network.ok ? {} : network.errors), ...(details.ok ? {} : details.errors) },
            message: "",
            status: 400,
          } satisfies Failure);
    if (result.ok) return see(reply, `/moten/${result.value.meetingId}/dagordning?klart=planerat`);
    const networks = await networksToPlanIn(db, req.actor, todayInSweden());
    return sendPage(
      reply,
      <PlanMeetingPage
        networks={networks}
        networkId={undefined}
        csrf={req.csrfToken}
        state={failedForm("plan", body, result)}
      />,
      result.status,
    );
  });

  app.get("/moten/:id/uppgifter", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const data = await getMeetingDetailsEditor(db, { actor: req.actor, meetingId });
    return sendPage(reply, <MeetingDetailsPage data={data} csrf={req.csrfToken} notice={noticeFrom(req.query)} />);
  });

  app.post("/moten/:id/uppgifter", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(MeetingDetailsInput, body);
    const { base } = parseInput(BaseInput, body, "Formuläret");
    const result = parsed.ok
      ? await run((tx) => updateMeetingDetails(tx, { actor: req.actor, meetingId, input: parsed.data, base }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${meetingId}?klart=sparat`);
    const data = await getMeetingDetailsEditor(db, { actor: req.actor, meetingId });
    return sendPage(
      reply,
      <MeetingDetailsPage data={data} csrf={req.csrfToken} state={failedForm("uppgifter", body, result)} />,
      result.status,
    );
  });

  // --- agenda ---

  app.get("/moten/:id/dagordning", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    return agendaPage(req, reply, meetingId);
  });

  app.post("/moten/:id/dagordning/forslag", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const raw = body.proposals;
    const keys = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .map(String)
      .filter((k) => /^[a-z]+:\d+$/.test(k));
    const result = await run((tx) => addProposedItems(tx, { actor: req.actor, meetingId, keys }));
    if (result.ok) return see(reply, `/moten/${meetingId}/dagordning?klart=punkter`);
    return agendaPage(req, reply, meetingId, failedForm("forslag", { proposals: keys }, result), result.status);
  });

  app.post("/moten/:id/punkter", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(AgendaItemInput, body);
    const result = parsed.ok
      ? await run((tx) => addAgendaItem(tx, { actor: req.actor, meetingId, input: parsed.data }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${meetingId}/dagordning?klart=sparat#punkt-${result.value.itemId}`);
    return agendaPage(req, reply, meetingId, failedForm("ny-punkt", body, result), result.status);
  });

  app.post("/moten/:id/punkter/:itemId", async (req, reply) => {
    const { id: meetingId, itemId } = parseInput(ItemParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(AgendaItemInput, body);
    const { base } = parseInput(BaseInput, body, "Formuläret");
    const result = parsed.ok
      ? await run((tx) => updateAgendaItem(tx, { actor: req.actor, meetingId, itemId, input: parsed.data, base }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${meetingId}/dagordning?klart=sparat#punkt-${itemId}`);
    return agendaPage(req, reply, meetingId, failedForm(`punkt-${itemId}`, body, result), result.status);
  });

  app.post("/moten/:id/punkter/:itemId/ta-bort", async (req, reply) => {
    const { id: meetingId, itemId } = parseInput(ItemParams, req.params, "Adressen");
    const result = await run((tx) => removeAgendaItem(tx, { actor: req.actor, meetingId, itemId }));
    if (result.ok) return see(reply, `/moten/${meetingId}/dagordning?klart=sparat`);
    return agendaPage(req, reply, meetingId, failedForm("dagordning", {}, result), result.status);
  });

  app.post("/moten/:id/punkter/:itemId/flytta", async (req, reply) => {
    const { id: meetingId, itemId } = parseInput(ItemParams, req.params, "Adressen");
    const { riktning } = parseInput(z.object({ riktning: z.enum(["upp", "ned"]) }), formBody(req), "Formuläret");
    const direction = riktning === "upp" ? "up" : "down";
    const result = await run((tx) => reorderAgenda(tx, { actor: req.actor, meetingId, itemId, direction }));
    if (result.ok) return see(reply, `/moten/${meetingId}/dagordning#punkt-${itemId}`);
    return agendaPage(req, reply, meetingId, failedForm("dagordning", {}, result), result.status);
  });

  app.post("/moten/:id/dagordning/ordning", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const { order } = parseInput(OrderInput, formBody(req), "Ordningen");
    const result = await run((tx) => reorderAgenda(tx, { actor: req.actor, meetingId, order }));
    if (wantsJson(req)) {
      return result.ok
        ? reply.send({ ok: true })
        : reply.status(result.status).send({ error: { status: result.status, message: result.message } });
    }
    if (result.ok) return see(reply, `/moten/${meetingId}/dagordning?klart=sparat`);
    return agendaPage(req, reply, meetingId, failedForm("dagordning", {}, result), result.status);
  });

  // Files come as multipart; the parser lives only in this scope and stops reading at the size limit.
  app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: "keyValues",
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 64 * 1024 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        part.value = { filename: part.filename, bytes, truncated: part.file.truncated } satisfies Upload;
      },
    });
    scope.post("/moten/:id/bilagor", async (req, reply) => {
      const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
      if (!req.isMultipart()) throw new AppError("bad_request", "Filen måste skickas med formuläret för bilagor.");
      const body = formBody(req);
      const fields = parseForm(
        z.object({
          title: z.preprocess((v) => v ?? "", z.string().max(200, "Namnet får vara högst 200 tecken.")),
          item_id: z.string().optional(),
        }),
        body,
      );
      const file = (body.file as Upload | undefined) ?? null;
      const itemId =
        fields.ok && fields.data.item_id && /^\d+$/.test(fields.data.item_id) ? Number(fields.data.item_id) : undefined;
      const result = fields.ok
        ? await run((tx) => addAttachment(tx, { actor: req.actor, meetingId, itemId, title: fields.data.title, file }))
        : fields;
      if (result.ok) return see(reply, `/moten/${meetingId}/dagordning?klart=bilaga#bilagor-rubrik`);
      const values = { title: body.title, item_id: body.item_id };
      return agendaPage(req, reply, meetingId, failedForm("bilaga", values, result), result.status);
    });

    // An item sent in by a member: a plain form, or multipart when a file comes with it.
    scope.post("/moten/:id/inskickade", async (req, reply) => {
      const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
      const body = formBody(req);
      const parsed = parseForm(SubmitItemInput, body);
      const file = (body.file as Upload | undefined) ?? null;
      const result = parsed.ok
        ? await run((tx) =>
            submitItem(tx, {
              actor: req.actor,
              meetingId,
              title: parsed.data.title,
              body: parsed.data.body,
              presenterId: parsed.data.presenter_id,
              file,
            }),
          )
        : parsed;
      if (result.ok) return see(reply, `/moten/${meetingId}?klart=inskickad#skicka-in-rubrik`);
      const values = { title: body.title, body: body.body, presenter_id: body.presenter_id };
      return meetingPage(req, reply, meetingId, failedForm("skicka-in", values, result), result.status);
    });
  });

  app.get("/bilagor/:id", async (req, reply) => {
    const { id: attachmentId } = parseInput(IdParams, req.params, "Adressen");
    const file = await getAttachmentFile(db, { actor: req.actor, attachmentId });
    return reply
      .header("content-type", file.contentType)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header("cache-control", "private, max-age=300")
      .send(Buffer.from(file.bytes));
  });

  // --- attendance ---

  app.get("/moten/:id/narvaro", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const data = await getAttendanceEditor(db, { actor: req.actor, meetingId });
    return sendPage(reply, <AttendanceEditorPage data={data} csrf={req.csrfToken} notice={noticeFrom(req.query)} />);
  });

  app.post("/moten/:id/narvaro", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const members: MemberAttendance[] = [];
    const statusErrors: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      const m = /^status_([1-9]\d{0,9})$/.exec(key);
      if (!m) continue;
      if (value === "present" || value === "absent" || value === "excused")
        members.push({ personId: Number(m[1]), status: value });
      else statusErrors[key] = "Välj närvarande, frånvarande eller förhinder.";
    }
    const guest = parseForm(GuestInput, body);
    const { base } = parseInput(BaseInput, body, "Formuläret");
    const removeRaw = body.remove_guest;
    const removeGuests = (Array.isArray(removeRaw) ? removeRaw : removeRaw === undefined ? [] : [removeRaw])
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    let result: Awaited<ReturnType<typeof run>>;
    if (!guest.ok || Object.keys(statusErrors).length > 0) {
      result = { ok: false, errors: { ...statusErrors, ...(guest.ok ? {} : guest.errors) }, message: "", status: 400 };
    } else if (guest.data.guest_name === "" && (guest.data.guest_role !== "" || guest.data.guest_municipality_id)) {
      result = { ok: false, errors: { guest_name: "Skriv gästens namn." }, message: "", status: 400 };
    } else {
      const g = guest.data;
      result = await run((tx) =>
        saveAttendance(tx, {
          actor: req.actor,
          meetingId,
          members,
          guest: g.guest_name
            ? { name: g.guest_name, roleText: g.guest_role, municipalityId: g.guest_municipality_id }
            : null,
          removeGuests,
          base,
        }),
      );
    }
    if (result.ok) return see(reply, `/moten/${meetingId}/narvaro?klart=sparat`);
    const data = await getAttendanceEditor(db, { actor: req.actor, meetingId });
    return sendPage(
      reply,
      <AttendanceEditorPage data={data} csrf={req.csrfToken} state={failedForm("narvaro", body, result)} />,
      result.status,
    );
  });

  // --- live minutes ---

  app.get("/moten/:id/anteckningar", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    return minutesPage(req, reply, meetingId);
  });

  async function notesResult(
    req: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    form: string,
    anchor: string,
    save: (input: { notes: string; revision: number }) => (tx: Tx) => Promise<{ revision: number; changed: boolean }>,
  ) {
    const body = formBody(req);
    const parsed = parseForm(NotesInput, body);
    const result = parsed.ok ? await run(save(parsed.data)) : parsed;
    if (wantsJson(req)) {
      if (result.ok) return reply.send(result.value);
      return reply
        .status(result.status)
        .send({ error: { status: result.status, message: result.message }, conflict: result.details ?? null });
    }
    if (result.ok) return see(reply, `/moten/${meetingId}/anteckningar?klart=sparat#${anchor}`);
    return minutesPage(req, reply, meetingId, failedForm(form, body, result), result.status);
  }

  app.post("/moten/:id/punkter/:itemId/anteckningar", async (req, reply) => {
    const { id: meetingId, itemId } = parseInput(ItemParams, req.params, "Adressen");
    return notesResult(
      req,
      reply,
      meetingId,
      `anteckningar-${itemId}`,
      `punkt-${itemId}`,
      (input) => (tx) => saveItemNotes(tx, { actor: req.actor, meetingId, itemId, ...input }),
    );
  });

  app.post("/moten/:id/punkter/:itemId/runda/:municipalityId", async (req, reply) => {
    const { id: meetingId, itemId, municipalityId } = parseInput(RoundParams, req.params, "Adressen");
    return notesResult(
      req,
      reply,
      meetingId,
      `runda-${itemId}-${municipalityId}`,
      `punkt-${itemId}`,
      (input) => (tx) => saveRoundNote(tx, { actor: req.actor, meetingId, itemId, municipalityId, ...input }),
    );
  });

  app.post("/moten/:id/punkter/:itemId/beslut", async (req, reply) => {
    const { id: meetingId, itemId } = parseInput(ItemParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(DecisionInput, body);
    const result = parsed.ok
      ? await run((tx) => recordDecision(tx, { actor: req.actor, meetingId, itemId, text: parsed.data.text }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${meetingId}/anteckningar?klart=beslut#punkt-${itemId}`);
    return minutesPage(req, reply, meetingId, failedForm(`beslut-${itemId}`, body, result), result.status);
  });

  app.post("/moten/:id/punkter/:itemId/uppdrag", async (req, reply) => {
    const { id: meetingId, itemId } = parseInput(ItemParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(ActionInput, body);
    const result = parsed.ok
      ? await run((tx) => recordAction(tx, { actor: req.actor, meetingId, itemId, input: parsed.data }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${meetingId}/anteckningar?klart=uppdrag#punkt-${itemId}`);
    return minutesPage(req, reply, meetingId, failedForm(`uppdrag-${itemId}`, body, result), result.status);
  });

  app.post("/moten/:id/punkter/:itemId/flytta-till-nasta", async (req, reply) => {
    const { id: meetingId, itemId } = parseInput(ItemParams, req.params, "Adressen");
    const { flyttad } = parseInput(z.object({ flyttad: z.enum(["ja", "nej"]) }), formBody(req), "Formuläret");
    const result = await run((tx) =>
      setItemPostponed(tx, { actor: req.actor, meetingId, itemId, postponed: flyttad === "ja" }),
    );
    if (result.ok) return see(reply, `/moten/${meetingId}/anteckningar?klart=sparat#punkt-${itemId}`);
    return minutesPage(req, reply, meetingId, failedForm("sida", {}, result), result.status);
  });

  app.post("/beslut/:id/staende-punkt", async (req, reply) => {
    const { id: decisionId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const { mote } = parseInput(z.object({ mote: id }), body, "Formuläret");
    const parsed = parseForm(StandingFromDecisionInput, body);
    const result = parsed.ok
      ? await run((tx) => makeStandingItem(tx, { actor: req.actor, decisionId, title: parsed.data.title }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${mote}/anteckningar?klart=staende`);
    return minutesPage(req, reply, mote, failedForm(`staende-${decisionId}`, body, result), result.status);
  });

  // --- state, approval, corrections ---

  app.post("/moten/:id/status", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const { till, reason } = parseInput(
      z.object({
        till: z.enum(["notice_sent", "held", "minutes_draft", "cancelled", "planned"]),
        reason: z.string().max(500).optional(),
      }),
      body,
      "Formuläret",
    );
    const result = await run((tx) => changeMeetingState(tx, { actor: req.actor, meetingId, to: till, reason }));
    const notice: Record<string, NoticeKey> = {
      notice_sent: "kallelse",
      held: "genomfort",
      minutes_draft: "utkast",
      cancelled: "installt",
      planned: "sparat",
    };
    if (result.ok) {
      if (till === "notice_sent") return see(reply, `/moten/${meetingId}/dagordning?klart=kallelse`);
      if (till === "cancelled" || till === "planned") return see(reply, `/moten/${meetingId}?klart=${notice[till]}`);
      return see(reply, `/moten/${meetingId}/anteckningar?klart=${notice[till]}`);
    }
    if (till === "notice_sent") {
      return agendaPage(req, reply, meetingId, failedForm("dagordning", {}, result), result.status);
    }
    if (till === "cancelled" || till === "planned") {
      const data = await getMeetingDetailsEditor(db, { actor: req.actor, meetingId });
      const state = failedForm("installa", body, result);
      return sendPage(reply, <MeetingDetailsPage data={data} csrf={req.csrfToken} state={state} />, result.status);
    }
    return minutesPage(req, reply, meetingId, failedForm("status", {}, result), result.status);
  });

  app.post("/moten/:id/justera", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const result = await run((tx) => approveMinutes(tx, { actor: req.actor, meetingId }));
    if (result.ok) return see(reply, `/moten/${meetingId}?klart=justerat`);
    return minutesPage(req, reply, meetingId, failedForm("status", {}, result), result.status);
  });

  app.post("/moten/:id/rattelse", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(CorrectionInput, body);
    const result = parsed.ok
      ? await run((tx) => correctMinutes(tx, { actor: req.actor, meetingId, reason: parsed.data.reason }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${meetingId}/anteckningar?klart=rattelse`);
    return meetingPage(req, reply, meetingId, failedForm("rattelse", body, result), result.status);
  });

  app.get("/moten/:id/versioner/:version", async (req, reply) => {
    const { id: meetingId, version } = parseInput(VersionParams, req.params, "Adressen");
    const data = await getMinutesVersion(db, { actor: req.actor, meetingId, version });
    return sendPage(reply, <MinutesVersionPage data={data} />);
  });
}
