import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { createImportDrafts, type ImportUpload } from "../../commands/createImportDrafts.js";
import { discardImportDraft } from "../../commands/discardImportDraft.js";
import { getImportList, getImportReview } from "../../commands/getImportPages.js";
import { saveImportDraft } from "../../commands/saveImportDraft.js";
import { updateImportDraft } from "../../commands/updateImportDraft.js";
import type { Tx } from "../../db/client.js";
import { setImportDraftError } from "../../db/queries/import-drafts.js";
import { type DraftCorrections, parseCorrections } from "../../domain/import-corrections.js";
import { AppError } from "../../errors.js";
import { attempt, type Failure, type FormState, formBody, invalidForm } from "../forms.js";
import { sendPage } from "../render.js";
import { UPLOAD_LIMITS } from "../uploads.js";
import { IdParams, parseInput } from "../validate.js";
import { type ImportFailureList, ImportListPage, ImportReviewPage } from "../views/import-pages.js";

const ListQuery = z.object({ natverk: z.string().max(80).optional(), klart: z.string().max(40).optional() });
const ReviewQuery = z.object({ klart: z.string().max(40).optional() });

/** The review form read, as a form failure the page can show when something is wrong. */
function readCorrections(body: Record<string, unknown>): { ok: true; data: DraftCorrections | null } | Failure {
  const r = parseCorrections(body);
  if (r.ok) return r;
  return r.incomplete ? invalidForm(r.errors, "") : invalidForm(r.errors);
}

const NOTICE_OF = { created: "importerat", replaced: "importerat-ersatt", unchanged: "importerat-oforandrat" } as const;

/** Importing old minutes through the web: upload, review beside the source, correct, save or discard. */
export function registerImportRoutes(app: FastifyInstance, db: Tx): void {
  const run = <T,>(fn: (tx: Tx) => Promise<T>) => attempt(() => db.transaction().execute(fn));

  async function reviewPage(
    req: FastifyRequest,
    reply: FastifyReply,
    draftId: number,
    state?: FormState,
    status = 200,
  ) {
    const data = await getImportReview(db, { actor: req.actor, draftId });
    const saved = !state && parseInput(ReviewQuery, req.query, "Adressen").klart === "sparat";
    return sendPage(reply, <ImportReviewPage data={data} csrf={req.csrfToken} state={state} saved={saved} />, status);
  }

  app.get("/import", async (req, reply) => {
    const { natverk, klart } = parseInput(ListQuery, req.query, "Adressen");
    const data = await getImportList(db, { actor: req.actor });
    const networkId = natverk ? data.networks.find((n) => n.slug === natverk)?.id : undefined;
    const page = (
      <ImportListPage data={data} csrf={req.csrfToken} networkId={networkId} discarded={klart === "kastat"} />
    );
    return sendPage(reply, page);
  });

  // Files come as multipart; the parser lives only in this scope and stops reading at the size limit
  // (a larger file arrives cut short and marked, and is reported by name).
  app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: "keyValues",
      throwFileSizeLimit: false,
      limits: { ...UPLOAD_LIMITS, fieldSize: 64 * 1024 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        part.value = { filename: part.filename, bytes, truncated: part.file.truncated } satisfies ImportUpload;
      },
    });
    scope.post("/import", async (req, reply) => {
      // The permission first, so that nobody learns more than "no" from a form they may not use.
      const list = await getImportList(db, { actor: req.actor });
      if (!req.isMultipart()) throw new AppError("bad_request", "Filerna måste skickas med importformuläret.");
      const body = formBody(req);
      const raw = body.files;
      const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
        (f): f is ImportUpload => typeof f === "object" && f !== null && "bytes" in f,
      );
      const networkRaw = typeof body.network_id === "string" ? body.network_id : "";
      const networkId = /^[1-9]\d{0,9}$/.test(networkRaw) ? Number(networkRaw) : undefined;
      const result = await run((tx) => createImportDrafts(tx, { actor: req.actor, files, networkId }));
      if (!result.ok) {
        const page = <ImportListPage data={list} csrf={req.csrfToken} networkId={networkId} error={result.message} />;
        return sendPage(reply, page, result.status);
      }
      const { drafts, failures } = result.value;
      if (failures.length === 0 && drafts.length === 1) return reply.redirect(`/import/${drafts[0]?.id}`, 303);
      const data = await getImportList(db, { actor: req.actor });
      const page = (
        <ImportListPage
          data={data}
          csrf={req.csrfToken}
          networkId={networkId}
          failures={failures satisfies ImportFailureList}
          drafted={drafts.length}
        />
      );
      return sendPage(reply, page, drafts.length === 0 ? 400 : 200);
    });
  });

  app.get("/import/:id", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    return reviewPage(req, reply, id);
  });

  app.post("/import/:id", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    await getImportReview(db, { actor: req.actor, draftId: id }); // refuse before reading the form
    const parsed = readCorrections(body);
    const failed = (f: Failure) => reviewPage(req, reply, id, { form: "granska", values: body, ...f }, f.status);
    if (!parsed.ok) return failed(parsed);
    const corrections = parsed.data;
    if (!corrections) return failed({ ok: false, errors: { _form: "Formuläret är tomt." }, message: "", status: 400 });
    const result = await run((tx) => updateImportDraft(tx, { actor: req.actor, draftId: id, corrections }));
    if (!result.ok) return failed(result);
    return reply.redirect(`/import/${id}?klart=sparat`, 303);
  });

  app.post("/import/:id/spara", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    await getImportReview(db, { actor: req.actor, draftId: id });
    const parsed = readCorrections(body);
    const failed = (f: Failure) => reviewPage(req, reply, id, { form: "granska", values: body, ...f }, f.status);
    if (!parsed.ok) return failed(parsed);
    const corrections = parsed.data;
    // The corrections on the form and the save are one transaction: both happen or neither.
    const result = await run(async (tx) => {
      if (corrections) await updateImportDraft(tx, { actor: req.actor, draftId: id, corrections });
      return saveImportDraft(tx, { actor: req.actor, draftId: id });
    });
    if (!result.ok) {
      await db.transaction().execute((tx) => setImportDraftError(tx, id, result.message));
      return failed(result);
    }
    const outcome = result.value;
    const notice = NOTICE_OF[outcome.status as keyof typeof NOTICE_OF] ?? "importerat";
    return reply.redirect(`/moten/${outcome.meetingId}?klart=${notice}`, 303);
  });

  app.post("/import/:id/kasta", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const result = await run((tx) => discardImportDraft(tx, { actor: req.actor, draftId: id }));
    if (!result.ok) return reviewPage(req, reply, id, { form: "granska", values: {}, ...result }, result.status);
    return reply.redirect("/import?klart=kastat", 303);
  });
}
