import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { buildMeeting, buildMembership, buildNetwork, buildPerson, buildUser } from "../../test/factories.js";
import type { Database } from "../db/client.js";
import { createSession } from "../db/queries/sessions.js";
import { SESSION_COOKIE } from "./actor.js";
import { buildApp } from "./app.js";

// The permission walk: every registered route, called as every role, must answer what this table
// says. A route without an entry here fails the test: whoever adds a route declares who may use it.

const ROLES = ["anonymous", "reader", "memberA", "coordA", "coordB", "admin"] as const;
type Role = (typeof ROLES)[number];
type Expect = Record<Role, number>;

/** Fixture ids the cases build their URLs and bodies from. */
type Fixtures = {
  netA: { id: number; slug: string };
  netB: { id: number; slug: string };
  subA: { id: number; slug: string };
  meetings: { aApproved: number; aDraft: number; bApproved: number; bDraft: number; subDraft: number };
  personId: number;
  membershipA: number;
  /** a new person and a new account for each call that changes one */
  freshPerson(): Promise<number>;
  freshUser(): Promise<number>;
  /** a failed mail about network A, and one with an attachment */
  freshFailedMail(): Promise<number>;
  /** a new draft meeting of network A with one item, for routes that change a meeting */
  freshDraft(): Promise<{ meetingId: number; itemId: number }>;
  mailWithAttachment: number;
  /** an open date poll of network A */
  pollA: number;
  unique(): string;
  /** a new import draft uploaded by coordinator A, for network A */
  freshImportDraft(): Promise<number>;
};
type Case = {
  label: string;
  url: (f: Fixtures) => string | Promise<string>;
  body?: (f: Fixtures) => Record<string, string>;
  expect: Expect;
};

const all = (status: number): Expect => ({
  anonymous: status,
  reader: status,
  memberA: status,
  coordA: status,
  coordB: status,
  admin: status,
});
const signedIn = (status: number, anonymous = 303): Expect => ({ ...all(status), anonymous });
const adminOnly = (ok: number, anonymous: number): Expect => ({
  anonymous,
  reader: 403,
  memberA: 403,
  coordA: 403,
  coordB: 403,
  admin: ok,
});
const TOKEN = "x".repeat(43);

const meetingRead: Expect = { anonymous: 303, reader: 403, memberA: 200, coordA: 200, coordB: 403, admin: 200 };
const coordinators = (ok: number): Expect => ({
  anonymous: 303,
  reader: 403,
  memberA: 403,
  coordA: ok,
  coordB: ok,
  admin: ok,
});
/** A meeting's files (minutes, notice, calendar event): readable exactly when the meeting page is. */
const meetingFile = (file: string): Case[] => [
  { label: "A approved", url: (f) => `/moten/${f.meetings.aApproved}/${file}`, expect: signedIn(200) },
  { label: "A draft", url: (f) => `/moten/${f.meetings.aDraft}/${file}`, expect: meetingRead },
  { label: "B approved (open)", url: (f) => `/moten/${f.meetings.bApproved}/${file}`, expect: all(200) },
];

/** The coordinators' editing pages of a meeting or network in A. */
const editor: Expect = { anonymous: 303, reader: 403, memberA: 403, coordA: 200, coordB: 403, admin: 200 };
/**
 * An editing form posted empty to A: refused before it is read for everyone who may not edit, and
 * for those who may, the empty form is a 400 (the editors' own tests post valid forms).
 */
const editPost: Expect = { anonymous: 401, reader: 403, memberA: 403, coordA: 400, coordB: 403, admin: 400 };
/** An editing form that does something even when empty (delete, save attendance, approve). */
const editDone: Expect = { anonymous: 401, reader: 403, memberA: 403, coordA: 303, coordB: 403, admin: 303 };
/** A member's own request about a meeting in a state that does not allow it (409). */
const memberConflict: Expect = { anonymous: 401, reader: 403, memberA: 409, coordA: 409, coordB: 403, admin: 409 };
/** Forms whose input is read before the permission is checked: an empty one is a 400 for everyone. */
const emptyForm: Expect = all(400);
const onDraft = (path: string, expect: Expect, body: Record<string, string> = {}): Case[] => [
  {
    label: "a new draft meeting of A",
    url: async (f) => {
      const d = await f.freshDraft();
      return `/moten/${d.meetingId}${path.replace(":itemId", String(d.itemId))}`;
    },
    body: () => body,
    expect,
  },
];
const onA = (path: string, expect: Expect): Case[] => [
  { label: "network A", url: (f) => `/natverk/${f.netA.slug}${path}`, body: () => ({}), expect },
];
const draftPage = (path: string): Case[] => [
  { label: "A draft", url: (f) => `/moten/${f.meetings.aDraft}${path}`, expect: editor },
];

/** An import draft is its uploader's (and the admins'); others who import get "not found". */
const ownDraft = (ok: number, anonymous: number): Expect => ({
  anonymous,
  reader: 403,
  memberA: 403,
  coordA: ok,
  coordB: 404,
  admin: ok,
});
const onImportDraft = (path: string, expect: Expect): Case[] => [
  {
    label: "coordinator A's draft",
    url: async (f) => `/import/${await f.freshImportDraft()}${path}`,
    body: () => ({}),
    expect,
  },
];

/** Who may do what, route by route. Keys are "METHOD url" exactly as registered. */
const EXPECTATIONS: Record<string, Case[]> = {
  // Importing old minutes (the web import branch): coordinators and admins, each their own drafts.
  "GET /import": [{ label: "drafts and upload", url: () => "/import", expect: coordinators(200) }],
  "POST /import": [
    {
      label: "not multipart",
      url: () => "/import",
      body: () => ({}),
      expect: { ...coordinators(400), anonymous: 401 },
    },
  ],
  "GET /import/:id": onImportDraft("", ownDraft(200, 303)),
  "POST /import/:id": onImportDraft("", ownDraft(400, 401)),
  "POST /import/:id/spara": onImportDraft("/spara", ownDraft(303, 401)),
  "POST /import/:id/kasta": onImportDraft("/kasta", ownDraft(303, 401)),
  // Meetings: planning, agenda, attendance, live minutes, approval (the meetings branch).
  "GET /moten/nytt": [{ label: "form", url: () => "/moten/nytt", expect: signedIn(200) }],
  "POST /moten": [{ label: "empty", url: () => "/moten", body: () => ({}), expect: emptyForm }],
  "GET /moten/:id/uppgifter": draftPage("/uppgifter"),
  "POST /moten/:id/uppgifter": onDraft("/uppgifter", editPost),
  "GET /moten/:id/dagordning": draftPage("/dagordning"),
  "POST /moten/:id/dagordning/forslag": onDraft("/dagordning/forslag", editPost),
  "POST /moten/:id/punkter": onDraft("/punkter", editPost),
  "POST /moten/:id/punkter/:itemId": onDraft("/punkter/:itemId", editPost),
  "POST /moten/:id/punkter/:itemId/ta-bort": onDraft("/punkter/:itemId/ta-bort", editDone),
  "POST /moten/:id/punkter/:itemId/flytta": onDraft("/punkter/:itemId/flytta", emptyForm),
  "POST /moten/:id/dagordning/ordning": onDraft("/dagordning/ordning", emptyForm),
  "GET /bilagor/:id": [{ label: "no such file", url: () => "/bilagor/999999", expect: all(404) }],
  "GET /moten/:id/narvaro": draftPage("/narvaro"),
  "POST /moten/:id/narvaro": onDraft("/narvaro", editDone),
  "GET /moten/:id/anteckningar": draftPage("/anteckningar"),
  "POST /moten/:id/punkter/:itemId/anteckningar": onDraft("/punkter/:itemId/anteckningar", editPost),
  "POST /moten/:id/punkter/:itemId/runda/:municipalityId": onDraft("/punkter/:itemId/runda/1", editPost),
  "POST /moten/:id/punkter/:itemId/beslut": onDraft("/punkter/:itemId/beslut", editPost),
  "POST /moten/:id/punkter/:itemId/uppdrag": onDraft("/punkter/:itemId/uppdrag", editPost),
  "POST /moten/:id/punkter/:itemId/flytta-till-nasta": onDraft("/punkter/:itemId/flytta-till-nasta", emptyForm),
  "POST /beslut/:id/staende-punkt": [
    { label: "empty", url: () => "/beslut/999999/staende-punkt", body: () => ({}), expect: emptyForm },
  ],
  "POST /moten/:id/status": onDraft("/status", emptyForm),
  "POST /moten/:id/justera": onDraft("/justera", editDone),
  "POST /moten/:id/rattelse": onDraft("/rattelse", { ...editPost, memberA: 400 }),
  "GET /moten/:id/versioner/:version": [
    { label: "no such version", url: (f) => `/moten/${f.meetings.aApproved}/versioner/1`, expect: signedIn(404) },
  ],
  "POST /moten/:id/inskickade": onDraft("/inskickade", { ...editPost, memberA: 400 }),
  "POST /moten/:id/bilagor": onDraft("/bilagor", emptyForm),
  "GET /uppdrag/mina": [{ label: "own actions", url: () => "/uppdrag/mina", expect: signedIn(200) }],
  "POST /uppdrag/:id/klart": [
    { label: "no such action", url: () => "/uppdrag/999999/klart", body: () => ({}), expect: all(404) },
  ],
  // Date polls (the polls branch): the network's people answer, its coordinators propose and pick.
  "GET /natverk/:slug/omrostningar": onA("/omrostningar", meetingRead),
  "GET /natverk/:slug/omrostningar/ny": onA("/omrostningar/ny", editor),
  "POST /natverk/:slug/omrostningar/ny": onA("/omrostningar/ny", editPost),
  "GET /omrostningar/:id": [{ label: "A's poll", url: (f) => `/omrostningar/${f.pollA}`, expect: meetingRead }],
  "POST /omrostningar/:id/svar": [
    {
      label: "A's poll, no answers",
      url: (f) => `/omrostningar/${f.pollA}/svar`,
      body: () => ({}),
      expect: { anonymous: 401, reader: 403, memberA: 400, coordA: 400, coordB: 403, admin: 400 },
    },
  ],
  "POST /omrostningar/:id/paminn": [
    { label: "A's poll", url: (f) => `/omrostningar/${f.pollA}/paminn`, body: () => ({}), expect: editDone },
  ],
  "POST /omrostningar/:id/valj": [
    {
      label: "A's poll, nothing picked",
      url: (f) => `/omrostningar/${f.pollA}/valj`,
      body: () => ({}),
      expect: editPost,
    },
  ],
  // Items sent in (the polls branch): one's own list, and the coordinators' decisions.
  "GET /inskickade": [{ label: "own items", url: () => "/inskickade", expect: signedIn(200) }],
  "GET /moten/:id/inskickade": draftPage("/inskickade"),
  "POST /inskickade/:id/dagordning": [
    { label: "no such item", url: () => "/inskickade/999999/dagordning", body: () => ({}), expect: all(404) },
  ],
  "POST /inskickade/:id/skjut-upp": [
    { label: "empty", url: () => "/inskickade/999999/skjut-upp", body: () => ({}), expect: emptyForm },
  ],
  // Networks and members (the meetings branch).
  "GET /natverk/nytt": [{ label: "form", url: () => "/natverk/nytt", expect: signedIn(200) }],
  "POST /natverk": [{ label: "empty", url: () => "/natverk", body: () => ({}), expect: emptyForm }],
  "GET /natverk/:slug/redigera": onA("/redigera", editor),
  "POST /natverk/:slug/redigera": onA("/redigera", editPost),
  "POST /natverk/:slug/regler": onA("/regler", editPost),
  "POST /natverk/:slug/staende": onA("/staende", editPost),
  "POST /natverk/:slug/staende/:id": onA("/staende/999999", emptyForm),
  "GET /natverk/:slug/medlemmar": onA("/medlemmar", editor),
  "POST /natverk/:slug/medlemmar": onA("/medlemmar", editPost),
  "GET /natverk/:slug/medlemmar/:id": [
    {
      label: "member A's membership",
      url: (f) => `/natverk/${f.netA.slug}/medlemmar/${f.membershipA}`,
      expect: editor,
    },
  ],
  "POST /natverk/:slug/medlemmar/:id": [
    {
      label: "member A's membership",
      url: (f) => `/natverk/${f.netA.slug}/medlemmar/${f.membershipA}`,
      body: () => ({}),
      expect: editPost,
    },
  ],
  "POST /natverk/:slug/ersattare": onA("/ersattare", editPost),
  "POST /natverk/:slug/representanter": onA("/representanter", editPost),
  "POST /natverk/:slug/representanter/:id": onA("/representanter/999999", editPost),
  // Yearly plans, themes, apologies and the chair rotation (issue 9). Theme and chair forms are
  // read before the permission is checked, and the plan page they show again is open to readers.
  "GET /natverk/:slug/plan": onA("/plan", all(303)),
  "GET /natverk/:slug/plan/:year": onA("/plan/2031", signedIn(200)),
  "POST /natverk/:slug/plan/:year": onA("/plan/2031", editDone),
  // No plan for 2039 to start 2040's from: a 400 for those who may manage the network.
  "POST /natverk/:slug/plan/:year/fran-forra-aret": onA("/plan/2040/fran-forra-aret", editPost),
  "POST /natverk/:slug/plan/:year/teman": onA("/plan/2031/teman", { ...emptyForm, anonymous: 401 }),
  "POST /natverk/:slug/plan/:year/teman/:id": onA("/plan/2031/teman/999999", { ...emptyForm, anonymous: 401 }),
  "POST /natverk/:slug/plan/:year/teman/:id/ta-bort": onA("/plan/2031/teman/999999/ta-bort", all(404)),
  "GET /admin/verksamhetsplaner": [
    { label: "overview", url: () => "/admin/verksamhetsplaner", expect: adminOnly(200, 303) },
  ],
  "POST /moten/:id/nasta-tema": onDraft("/nasta-tema", { ...editPost, memberA: 400 }),
  // Förhinder is for coming meetings: on a draft (already held) it is a conflict for members.
  "POST /moten/:id/forhinder": onDraft("/forhinder", { ...memberConflict }),
  "POST /moten/:id/forhinder/ta-tillbaka": onDraft("/forhinder/ta-tillbaka", { ...memberConflict }),
  "GET /natverk/:slug/ordforande": onA("/ordforande", signedIn(200)),
  "POST /natverk/:slug/ordforande": onA("/ordforande", { ...emptyForm, anonymous: 401 }),
  // Contact details are for the network's own people (members and coordinators) and admins.
  "GET /natverk/:slug/kontakter": onA("/kontakter", meetingRead),
  "GET /kontakter": [{ label: "all networks", url: () => "/kontakter", expect: adminOnly(200, 303) }],
  "GET /moten/:id/anteckningar.md": meetingFile("anteckningar.md"),
  "GET /moten/:id/anteckningar.docx": meetingFile("anteckningar.docx"),
  "GET /moten/:id/anteckningar.pdf": meetingFile("anteckningar.pdf"),
  "GET /moten/:id/kallelse.md": meetingFile("kallelse.md"),
  "GET /moten/:id/kallelse.docx": meetingFile("kallelse.docx"),
  "GET /moten/:id/kallelse.pdf": meetingFile("kallelse.pdf"),
  "GET /moten/:id/kalender.ics": meetingFile("kalender.ics"),
  "GET /natverk/:slug/kontaktlista.docx": [
    { label: "A", url: (f) => `/natverk/${f.netA.slug}/kontaktlista.docx`, expect: meetingRead },
    {
      label: "B (open minutes, closed contacts)",
      url: (f) => `/natverk/${f.netB.slug}/kontaktlista.docx`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 403, coordB: 200, admin: 200 },
    },
  ],
  "GET /natverk/:slug/kontaktlista.pdf": [
    { label: "A", url: (f) => `/natverk/${f.netA.slug}/kontaktlista.pdf`, expect: meetingRead },
  ],
  "GET /kalender/:token/mina-moten.ics": [
    { label: "unknown token", url: () => `/kalender/${TOKEN}/mina-moten.ics`, expect: all(404) },
  ],
  "GET /kalender/:token/natverk/:slug/moten.ics": [
    { label: "unknown token", url: (f) => `/kalender/${TOKEN}/natverk/${f.netA.slug}/moten.ics`, expect: all(404) },
  ],
  // Only the person themself sees and renews their calendar link (not even an admin).
  "GET /personer/:id/kalender": [
    {
      label: "member A's own",
      url: (f) => `/personer/${f.personId}/kalender`,
      expect: { ...all(403), memberA: 200 },
    },
  ],
  "POST /personer/:id/kalender": [
    {
      label: "member A's own",
      url: (f) => `/personer/${f.personId}/kalender`,
      body: () => ({}),
      expect: { ...all(403), memberA: 200 },
    },
  ],
  "GET /utkorg": [{ label: "outbox", url: () => "/utkorg", expect: coordinators(200) }],
  "GET /utkorg/brevlada": [{ label: "local mailbox", url: () => "/utkorg/brevlada", expect: coordinators(200) }],
  "POST /utkorg/:id/forsok-igen": [
    {
      label: "a failed mail about A",
      url: async (f) => `/utkorg/${await f.freshFailedMail()}/forsok-igen`,
      body: () => ({}),
      expect: { anonymous: 401, reader: 403, memberA: 403, coordA: 303, coordB: 404, admin: 303 },
    },
  ],
  "GET /utkorg/:id/bilagor/:index": [
    {
      label: "an attachment of a mail about A",
      url: (f) => `/utkorg/${f.mailWithAttachment}/bilagor/0`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 200, coordB: 404, admin: 200 },
    },
  ],
  "GET /healthz": [{ label: "health", url: () => "/healthz", expect: all(200) }],
  "GET /assets/*": [{ label: "stylesheet", url: () => "/assets/style.css", expect: all(200) }],
  "GET /": [{ label: "overview", url: () => "/", expect: all(200) }],
  "GET /natverk": [{ label: "list", url: () => "/natverk", expect: all(200) }],
  "GET /natverk/:slug": [
    { label: "closed network A", url: (f) => `/natverk/${f.netA.slug}`, expect: signedIn(200) },
    { label: "open network B", url: (f) => `/natverk/${f.netB.slug}`, expect: all(200) },
  ],
  "GET /natverk/:slug/historik": [
    {
      label: "A",
      url: (f) => `/natverk/${f.netA.slug}/historik`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 200, coordB: 403, admin: 200 },
    },
    {
      label: "B",
      url: (f) => `/natverk/${f.netB.slug}/historik`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 403, coordB: 200, admin: 200 },
    },
    {
      label: "sub-network of A",
      url: (f) => `/natverk/${f.subA.slug}/historik`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 200, coordB: 403, admin: 200 },
    },
  ],
  "GET /moten": [{ label: "list", url: () => "/moten", expect: all(200) }],
  "GET /moten/:id": [
    { label: "A approved", url: (f) => `/moten/${f.meetings.aApproved}`, expect: signedIn(200) },
    {
      label: "A draft",
      url: (f) => `/moten/${f.meetings.aDraft}`,
      expect: { anonymous: 303, reader: 403, memberA: 200, coordA: 200, coordB: 403, admin: 200 },
    },
    { label: "B approved (open)", url: (f) => `/moten/${f.meetings.bApproved}`, expect: all(200) },
    {
      label: "B draft",
      url: (f) => `/moten/${f.meetings.bDraft}`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 403, coordB: 200, admin: 200 },
    },
    {
      label: "draft in A's sub-network",
      url: (f) => `/moten/${f.meetings.subDraft}`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 200, coordB: 403, admin: 200 },
    },
  ],
  "GET /moten/:id/historik": [
    {
      label: "A draft",
      url: (f) => `/moten/${f.meetings.aDraft}/historik`,
      expect: { anonymous: 303, reader: 403, memberA: 403, coordA: 200, coordB: 403, admin: 200 },
    },
  ],
  "GET /personer/:id": [{ label: "a person", url: (f) => `/personer/${f.personId}`, expect: signedIn(200) }],
  "GET /personer/:id/historik": [
    { label: "a person", url: (f) => `/personer/${f.personId}/historik`, expect: adminOnly(200, 303) },
  ],
  "GET /uppdrag": [{ label: "list", url: () => "/uppdrag", expect: all(200) }],
  "GET /beslut": [{ label: "list", url: () => "/beslut", expect: all(200) }],
  "GET /sok": [{ label: "search", url: () => "/sok", expect: all(200) }],
  // Search and reports answer every signed-in role, each with only what that role may read (checked in
  // their own tests); anonymous visitors are sent to sign in (pages) or refused (API).
  "GET /api/sok": [{ label: "search API", url: () => "/api/sok?q=budget", expect: signedIn(200, 401) }],
  "GET /sok/tidslinje": [{ label: "timeline", url: () => "/sok/tidslinje?q=budget", expect: signedIn(200) }],
  "GET /rapporter": [{ label: "reports", url: () => "/rapporter", expect: all(200) }],
  "GET /rapporter/:name": [
    { label: "attendance", url: () => "/rapporter/attendance", expect: signedIn(200) },
    { label: "unknown report", url: () => "/rapporter/finns-inte", expect: all(400) },
  ],
  "GET /api/rapporter/:name": [{ label: "rotation", url: () => "/api/rapporter/rotation", expect: signedIn(200, 401) }],
  "GET /logga-in": [{ label: "form", url: () => "/logga-in", expect: { ...all(303), anonymous: 200 } }],
  "POST /logga-in": [
    {
      label: "wrong password",
      url: () => "/logga-in",
      body: () => ({ email: "ingen@exempel.se", password: "fel fel fel fel" }),
      expect: all(401),
    },
  ],
  "POST /logga-ut": [{ label: "sign out", url: () => "/logga-ut", body: () => ({}), expect: signedIn(303, 401) }],
  "POST /logga-ut-overallt": [
    { label: "everywhere", url: () => "/logga-ut-overallt", body: () => ({}), expect: signedIn(303, 401) },
  ],
  "GET /glomt-losenord": [{ label: "form", url: () => "/glomt-losenord", expect: all(200) }],
  "POST /glomt-losenord": [
    { label: "ask", url: () => "/glomt-losenord", body: () => ({ email: "ingen@exempel.se" }), expect: all(200) },
  ],
  "GET /aterstall/:token": [{ label: "unknown link", url: () => `/aterstall/${TOKEN}`, expect: all(404) }],
  "POST /aterstall/:token": [
    {
      label: "unknown link",
      url: () => `/aterstall/${TOKEN}`,
      body: () => ({ password: "ett långt lösenord" }),
      expect: all(404),
    },
  ],
  "GET /forsta-inloggning/:token": [
    { label: "unknown link", url: () => `/forsta-inloggning/${TOKEN}`, expect: all(404) },
  ],
  "POST /forsta-inloggning/:token": [
    { label: "unknown link", url: () => `/forsta-inloggning/${TOKEN}`, body: () => ({}), expect: all(404) },
  ],
  "GET /konto": [{ label: "own account", url: () => "/konto", expect: signedIn(200) }],
  "POST /konto/losenord": [
    {
      label: "set a password",
      url: () => "/konto/losenord",
      body: () => ({ password: "ett långt lösenord" }),
      expect: signedIn(200, 401),
    },
  ],
  "GET /sso": [{ label: "not configured", url: () => "/sso", expect: all(404) }],
  "GET /sso/callback": [{ label: "not configured", url: () => "/sso/callback", expect: all(404) }],
  "GET /admin": [{ label: "users", url: () => "/admin", expect: adminOnly(200, 303) }],
  "POST /admin/anvandare": [
    {
      label: "add a reader",
      url: () => "/admin/anvandare",
      body: (f) => ({ email: `ny-${f.unique()}@exempel.se`, name: "Ny Person", role: "reader", networkId: "" }),
      expect: adminOnly(303, 401),
    },
  ],
  "POST /admin/anvandare/:id": [
    {
      label: "disable an account",
      url: async (f) => `/admin/anvandare/${await f.freshUser()}`,
      body: () => ({ disabled: "on" }),
      expect: adminOnly(303, 401),
    },
  ],
  "GET /admin/logg": [{ label: "audit log", url: () => "/admin/logg", expect: adminOnly(200, 303) }],
  "GET /admin/personer": [{ label: "GDPR", url: () => "/admin/personer", expect: adminOnly(200, 303) }],
  "POST /admin/personer/:id/export": [
    {
      label: "export",
      url: (f) => `/admin/personer/${f.personId}/export`,
      body: () => ({}),
      expect: adminOnly(200, 401),
    },
  ],
  "POST /admin/personer/:id/anonymisera": [
    {
      label: "anonymize",
      url: async (f) => `/admin/personer/${await f.freshPerson()}/anonymisera`,
      body: () => ({ confirm: "ja" }),
      expect: adminOnly(200, 401),
    },
  ],
};

describe("the permission walk: every route, every role", () => {
  let database: Database;
  let app: FastifyInstance;
  let fixtures: Fixtures;
  const userOf = {} as Record<Exclude<Role, "anonymous">, number>;

  /** Headers for one request as a role, with a fresh session (some routes end the session). */
  async function headersFor(role: Role, post: boolean): Promise<Record<string, string>> {
    const base: Record<string, string> = post
      ? { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" }
      : {};
    if (role === "anonymous") return base;
    const { token, csrfToken } = await createSession(database.db, userOf[role]);
    return { ...base, cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": csrfToken };
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    app = await buildApp({ database, auth: { signinPerMinute: 10_000 } });
    const netA = await buildNetwork(db, { name: "Nätverk A" });
    const subA = await buildNetwork(db, { name: "Undernätverk till A", parentId: netA.id });
    const netB = await buildNetwork(db, { name: "Nätverk B" });
    await db.updateTable("networks").set({ publish_minutes: true }).where("id", "=", netB.id).execute();
    const meeting = async (networkId: number, state: "approved" | "minutes_draft") => {
      const m = await buildMeeting(db, { networkId, date: "2024-03-01" });
      await db.updateTable("meetings").set({ state }).where("id", "=", m.id).execute();
      return m.id;
    };
    const person = async (name: string) => (await buildPerson(db, { name })).id;
    const memberA = await person("Maja Medlem");
    const coordA = await person("Cilla Samordnare");
    const coordB = await person("Bo Samordnare");
    const membershipA = (await buildMembership(db, { personId: memberA, networkId: netA.id, role: "member" })).id;
    await buildMembership(db, { personId: coordA, networkId: netA.id, role: "coordinator" });
    await buildMembership(db, { personId: coordB, networkId: netB.id, role: "coordinator" });
    userOf.reader = (await buildUser(db, { personId: await person("Rut Läsare") })).id;
    userOf.memberA = (await buildUser(db, { personId: memberA })).id;
    userOf.coordA = (await buildUser(db, { personId: coordA })).id;
    userOf.coordB = (await buildUser(db, { personId: coordB })).id;
    userOf.admin = (await buildUser(db, { isAdmin: true, personId: await person("Ada Admin") })).id;
    const mail = (networkId: number, attachments: unknown[]) =>
      db
        .insertInto("outbox")
        .values({
          recipient: "mottagare@exempel.se",
          subject: "Kallelse",
          body_text: "Välkommen",
          status: "failed",
          network_id: networkId,
          transport: "local",
          attachments: JSON.stringify(attachments),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    let n = 0;
    fixtures = {
      netA,
      netB,
      subA,
      meetings: {
        aApproved: await meeting(netA.id, "approved"),
        aDraft: await meeting(netA.id, "minutes_draft"),
        bApproved: await meeting(netB.id, "approved"),
        bDraft: await meeting(netB.id, "minutes_draft"),
        subDraft: await meeting(subA.id, "minutes_draft"),
      },
      personId: memberA,
      membershipA,
      freshPerson: () => person(`Tillfällig Person ${++n}`),
      freshUser: async () => (await buildUser(db)).id,
      freshFailedMail: async () => (await mail(netA.id, [])).id,
      freshDraft: async () => {
        const meetingId = await meeting(netA.id, "minutes_draft");
        const item = await db
          .insertInto("agenda_items")
          .values({ meeting_id: meetingId, position: 0, title: "Punkt" })
          .returning("id")
          .executeTakeFirstOrThrow();
        return { meetingId, itemId: item.id };
      },
      mailWithAttachment: (
        await mail(netA.id, [{ filename: "bilaga.txt", contentType: "text/plain", contentBase64: "aGVq" }])
      ).id,
      pollA: (
        await db
          .insertInto("date_polls")
          .values({ network_id: netA.id, title: "Mötesdatum" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
      unique: () => String(++n),
      freshImportDraft: async () => {
        const bytes = new TextEncoder().encode(`Nätverk A\n\nDatum: 2024-05-0${(++n % 9) + 1}\n`);
        const draft = {
          source: "walk.txt",
          network: "Nätverk A",
          date: "2024-05-02",
          startTime: null,
          endTime: null,
          location: null,
          noteTaker: null,
          nextMeeting: null,
          attendees: [],
          items: [],
          warnings: [],
        };
        const row = await db
          .insertInto("import_drafts")
          .values({
            created_by: userOf.coordA,
            network_id: netA.id,
            filename: "walk.txt",
            bytes,
            sha256: "0".repeat(64),
            draft: JSON.stringify(draft),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        return row.id;
      },
    };
    await db.insertInto("date_poll_options").values({ poll_id: fixtures.pollA, date: "2099-03-01" }).execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("has an expectation for every registered route, and a route for every expectation", () => {
    const registered = app.samradRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((r) => !(r in EXPECTATIONS));
    expect(missing, "routes without an entry in EXPECTATIONS (declare who may use them)").toEqual([]);
    const stale = Object.keys(EXPECTATIONS).filter((k) => !registered.includes(k));
    expect(stale, "expectations for routes that no longer exist").toEqual([]);
  });

  // A few hundred requests: on a busy CI machine, with both databases' tests running at once, this
  // takes well over the default 30 s.
  it("answers every route as the table says for every role", async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const route of app.samradRoutes) {
      for (const c of EXPECTATIONS[`${route.method} ${route.url}`] ?? []) {
        for (const role of ROLES) {
          const url = await c.url(fixtures);
          const post = route.method !== "GET";
          const res = await app.inject({
            method: route.method as "GET" | "POST",
            url,
            headers: await headersFor(role, post),
            ...(post ? { payload: new URLSearchParams(c.body?.(fixtures) ?? {}).toString() } : {}),
          });
          calls++;
          if (res.statusCode !== c.expect[role]) {
            wrong.push(`${route.method} ${url} (${c.label}) as ${role}: ${res.statusCode}, expected ${c.expect[role]}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(200);
  }, 180_000);

  it("lists only what each role may read", async () => {
    const m = fixtures.meetings;
    const visible: Record<Role, number[]> = {
      anonymous: [m.bApproved],
      reader: [m.aApproved, m.bApproved],
      memberA: [m.aApproved, m.aDraft, m.bApproved],
      coordA: [m.aApproved, m.aDraft, m.bApproved, m.subDraft],
      coordB: [m.aApproved, m.bApproved, m.bDraft],
      admin: [m.aApproved, m.aDraft, m.bApproved, m.bDraft, m.subDraft],
    };
    for (const role of ROLES) {
      for (const page of ["/moten", "/", `/natverk/${fixtures.netB.slug}`]) {
        const res = await app.inject({ url: page, headers: await headersFor(role, false) });
        const shown = Object.values(m).filter((id) => res.body.includes(`href="/moten/${id}"`));
        const expected = page.startsWith("/natverk")
          ? visible[role].filter((id) => id === m.bApproved || id === m.bDraft)
          : visible[role];
        expect(shown.sort(), `${page} as ${role}`).toEqual([...expected].sort());
      }
    }
    const anonNetworks = await app.inject("/natverk");
    expect(anonNetworks.body).toContain(`href="/natverk/${fixtures.netB.slug}"`);
    expect(anonNetworks.body).not.toContain(`href="/natverk/${fixtures.netA.slug}"`);
  });
});
