import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, failure } from "../../test/commands.js";
import { openTestDatabase } from "../../test/db.js";
import { buildAttendance, buildMeeting, buildMembership, buildNetwork, buildPerson } from "../../test/factories.js";
import type { Database, Tx } from "../db/client.js";
import { listAgendaProposals } from "../db/queries/agenda-proposals.js";
import { listThemesForMeeting } from "../db/queries/plans.js";
import { appointChair } from "./appointChair.js";
import { getChairRotation } from "./getChairRotation.js";
import { getMeetingPage } from "./getMeetingPage.js";
import { getPlanPage } from "./getPlanPage.js";
import { getPlansOverview } from "./getPlansOverview.js";
import { removeTheme } from "./removeTheme.js";
import { reportApology } from "./reportApology.js";
import { savePlan } from "./savePlan.js";
import { saveTheme } from "./saveTheme.js";
import { setNextTheme } from "./setNextTheme.js";
import { startPlanFromLastYear } from "./startPlanFromLastYear.js";
import { withdrawApology } from "./withdrawApology.js";

const TODAY = "2026-03-01";

async function municipalityId(tx: Tx, name: string) {
  const k = await tx.selectFrom("municipalities").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return k.id;
}

/** A network with a coordinator, three members in three municipalities and one who has left. */
async function setup(db: Tx) {
  const network = await buildNetwork(db);
  const coordinator = await buildPerson(db, { name: `Samordnare ${network.id}` });
  const people = [];
  for (const [name, municipality] of [
    ["Agnes Ek", "Bjuv"],
    ["Bo Alm", "Båstad"],
    ["Cilla O'Neill", "Höganäs"],
  ] as const) {
    const p = await buildPerson(db, { name: `${name} ${network.id}`, municipality });
    const m = await buildMembership(db, { personId: p.id, networkId: network.id, fromDate: "2020-01-01" });
    await db
      .updateTable("memberships")
      .set({ municipality_id: await municipalityId(db, municipality) })
      .where("id", "=", m.id)
      .execute();
    people.push(p);
  }
  const [agnes, bo, cilla] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  const left = await buildPerson(db, { name: `Dag Slutat ${network.id}`, municipality: "Klippan" });
  await buildMembership(db, { personId: left.id, networkId: network.id, fromDate: "2020-01-01", toDate: "2025-06-30" });
  await buildMembership(db, { personId: coordinator.id, networkId: network.id, role: "coordinator" });
  return {
    network,
    agnes,
    bo,
    cilla,
    left,
    coord: await actorFor(db, coordinator.id),
    member: await actorFor(db, agnes.id),
    memberBo: await actorFor(db, bo.id),
  };
}

describe("yearly plans, themes, förhinder and the chair rotation", () => {
  let database: Database;
  let db: Tx;
  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps one plan per year, edited in place, and shows earlier years unchanged", async () => {
    const s = await setup(db);
    const input = {
      purpose: "Samverka kring socialtjänst",
      goals: "Gemensam kompetens",
      organisation: "Sex möten per år",
    };
    await savePlan(db, { actor: s.coord, networkId: s.network.id, year: 2025, input });
    await savePlan(db, { actor: s.coord, networkId: s.network.id, year: 2026, input: { ...input, goals: "Nya mål" } });
    await savePlan(db, {
      actor: s.coord,
      networkId: s.network.id,
      year: 2026,
      input: { ...input, goals: "Ändrade mål" },
    });
    const rows = await db
      .selectFrom("plans")
      .selectAll()
      .where("network_id", "=", s.network.id)
      .orderBy("year")
      .execute();
    expect(rows.map((r) => [r.year, r.goals])).toEqual([
      [2025, "Gemensam kompetens"],
      [2026, "Ändrade mål"],
    ]);
    const page = await getPlanPage(db, { actor: s.member, slug: s.network.slug, year: 2025, today: TODAY });
    expect(page.plan?.goals).toBe("Gemensam kompetens");
    expect(page.canEdit).toBe(false);
    expect(page.years).toEqual([2026, 2025]);
    const audit = await db.selectFrom("audit_log").select("action").where("action", "like", "plan.%").execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it("refuses members who are not coordinators", async () => {
    const s = await setup(db);
    const f = await failure(
      savePlan(db, {
        actor: s.member,
        networkId: s.network.id,
        year: 2026,
        input: { purpose: "x", goals: "", organisation: "" },
      }),
    );
    expect(f.code).toBe("forbidden");
    expect(await db.selectFrom("plans").select("id").where("network_id", "=", s.network.id).execute()).toEqual([]);
  });

  it("plans a theme for a meeting: its owners come with it onto the proposed agenda", async () => {
    const s = await setup(db);
    const meeting = await buildMeeting(db, { networkId: s.network.id, date: "2026-04-10" });
    const { themeId } = await saveTheme(db, {
      actor: s.coord,
      networkId: s.network.id,
      year: 2026,
      input: {
        title: "Hemmaplanslösningar",
        description: "",
        owner_ids: [s.agnes.id, s.bo.id],
        planned_meeting_id: meeting.id,
      },
      today: TODAY,
    });
    const proposals = await listAgendaProposals(db, meeting);
    const theme = proposals.find((p) => p.key === `theme:${themeId}`);
    expect(theme?.title).toBe("Hemmaplanslösningar");
    expect(theme?.detail).toContain(s.agnes.name);
    expect(theme?.detail).toContain(s.bo.name);
    const page = await getMeetingPage(db, { actor: s.member, meetingId: meeting.id, today: TODAY });
    expect(page.planning?.themes.map((t) => t.title)).toEqual(["Hemmaplanslösningar"]);
  });

  it("refuses a theme with one owner, five owners or an owner who has left; nothing is stored", async () => {
    const s = await setup(db);
    const base = { title: "Tema", description: "", planned_meeting_id: undefined };
    const save = (owner_ids: number[]) =>
      saveTheme(db, {
        actor: s.coord,
        networkId: s.network.id,
        year: 2026,
        input: { ...base, owner_ids },
        today: TODAY,
      });
    const left = await failure(save([s.agnes.id, s.left.id]));
    expect(left.code).toBe("bad_request");
    expect(left.where).toBe("owner_ids");
    expect(left.message).toContain(s.left.name);
    expect(left.message).toContain("inte");
    const { ThemeInput } = await import("../domain/plan-input.js");
    expect(ThemeInput.safeParse({ title: "T", owner_ids: [String(s.agnes.id)] }).success).toBe(false);
    expect(ThemeInput.safeParse({ title: "T", owner_ids: ["1", "2", "3", "4", "5"] }).success).toBe(false);
    expect(ThemeInput.safeParse({ title: " ", owner_ids: ["1", "2"] }).success).toBe(false);
    const plans = await db.selectFrom("plans").select("id").where("network_id", "=", s.network.id).execute();
    expect(plans).toEqual([]);
  });

  it("records the next theme from a meeting, and refuses a meeting already held", async () => {
    const s = await setup(db);
    const held = await buildMeeting(db, { networkId: s.network.id, date: "2026-02-10", state: "held" });
    const next = await buildMeeting(db, { networkId: s.network.id, date: "2026-04-10" });
    const { themeId } = await saveTheme(db, {
      actor: s.coord,
      networkId: s.network.id,
      year: 2026,
      input: {
        title: "Kompetensförsörjning",
        description: "",
        owner_ids: [s.agnes.id, s.bo.id],
        planned_meeting_id: undefined,
      },
      today: TODAY,
    });
    const wrong = await failure(
      setNextTheme(db, {
        actor: s.coord,
        meetingId: next.id,
        input: { theme_id: themeId, meeting_id: held.id, owner_ids: [s.bo.id, s.cilla.id] },
        today: TODAY,
      }),
    );
    expect(wrong.where).toBe("meeting_id");
    await setNextTheme(db, {
      actor: s.coord,
      meetingId: held.id,
      input: { theme_id: themeId, meeting_id: next.id, owner_ids: [s.bo.id, s.cilla.id] },
      today: TODAY,
    });
    const themes = await listThemesForMeeting(db, next.id);
    expect(themes.map((t) => [t.title, t.owners.map((o) => o.personId).sort()])).toEqual([
      ["Kompetensförsörjning", [s.bo.id, s.cilla.id].sort()],
    ]);
    const denied = await failure(
      setNextTheme(db, {
        actor: s.member,
        meetingId: held.id,
        input: { theme_id: themeId, meeting_id: next.id, owner_ids: [s.bo.id, s.cilla.id] },
        today: TODAY,
      }),
    );
    expect(denied.code).toBe("forbidden");
  });

  it("starts a year from the one before, keeping only owners who are still members", async () => {
    const s = await setup(db);
    await savePlan(db, {
      actor: s.coord,
      networkId: s.network.id,
      year: 2025,
      input: { purpose: "Syfte", goals: "Mål", organisation: "Org" },
    });
    await saveTheme(db, {
      actor: s.coord,
      networkId: s.network.id,
      year: 2025,
      input: {
        title: "Gammalt tema",
        description: "",
        owner_ids: [s.agnes.id, s.bo.id],
        planned_meeting_id: undefined,
      },
      today: TODAY,
    });
    // Bo leaves after the theme was planned.
    await db.updateTable("memberships").set({ to_date: "2026-01-31" }).where("person_id", "=", s.bo.id).execute();
    const r = await startPlanFromLastYear(db, { actor: s.coord, networkId: s.network.id, year: 2026, today: TODAY });
    expect(r.themes).toBe(1);
    const page = await getPlanPage(db, { actor: s.coord, slug: s.network.slug, year: 2026, today: TODAY });
    expect(page.plan?.purpose).toBe("Syfte");
    expect(page.themes[0]?.owners.map((o) => o.personId)).toEqual([s.agnes.id]);
    const again = await failure(
      startPlanFromLastYear(db, { actor: s.coord, networkId: s.network.id, year: 2026, today: TODAY }),
    );
    expect(again.code).toBe("conflict");
    const last = await getPlanPage(db, { actor: s.coord, slug: s.network.slug, year: 2025, today: TODAY });
    expect(last.themes[0]?.owners).toHaveLength(2);
    await removeTheme(db, { actor: s.coord, networkId: s.network.id, themeId: page.themes[0]?.id ?? 0 });
    expect((await getPlanPage(db, { actor: s.coord, slug: s.network.slug, year: 2026, today: TODAY })).themes).toEqual(
      [],
    );
  });

  it("shows the secretariat which networks lack this year's plan", async () => {
    const s = await setup(db);
    const other = await buildNetwork(db);
    await savePlan(db, {
      actor: s.coord,
      networkId: s.network.id,
      year: 2026,
      input: { purpose: "", goals: "", organisation: "" },
    });
    const admin = await actorFor(db, null, true);
    const overview = await getPlansOverview(db, { actor: admin, year: 2026 });
    expect(overview.present.map((n) => n.id)).toContain(s.network.id);
    expect(overview.missing.map((n) => n.id)).toContain(other.id);
    expect(overview.missing.map((n) => n.id)).not.toContain(s.network.id);
    expect((await failure(getPlansOverview(db, { actor: s.coord, year: 2026 }))).code).toBe("forbidden");
  });

  it("records förhinder as excused attendance, takes it back, and refuses a held meeting", async () => {
    const s = await setup(db);
    const meeting = await buildMeeting(db, { networkId: s.network.id, date: "2026-04-10", state: "notice_sent" });
    await reportApology(db, { actor: s.member, meetingId: meeting.id, note: "Krockar med KF" });
    const row = await db
      .selectFrom("attendance")
      .selectAll()
      .where("meeting_id", "=", meeting.id)
      .where("person_id", "=", s.agnes.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("excused");
    expect(row.apology_note).toBe("Krockar med KF");
    const page = await getMeetingPage(db, { actor: s.member, meetingId: meeting.id, today: TODAY });
    expect(page.planning?.apology).toEqual({ state: "reported", note: "Krockar med KF" });
    await withdrawApology(db, { actor: s.member, meetingId: meeting.id });
    const gone = await db.selectFrom("attendance").select("id").where("meeting_id", "=", meeting.id).execute();
    expect(gone).toEqual([]);
    expect((await failure(withdrawApology(db, { actor: s.member, meetingId: meeting.id }))).code).toBe("conflict");

    const held = await buildMeeting(db, { networkId: s.network.id, date: "2026-02-01", state: "held" });
    expect((await failure(reportApology(db, { actor: s.member, meetingId: held.id, note: "" }))).code).toBe("conflict");
    const stranger = await actorFor(db, (await buildPerson(db, { name: "Främling" })).id);
    expect((await failure(reportApology(db, { actor: stranger, meetingId: meeting.id, note: "" }))).code).toBe(
      "forbidden",
    );
  });

  it("proposes the municipalities longest without the chair first and appoints the next chair", async () => {
    const s = await setup(db);
    // Bjuv chaired in 2025, Båstad in 2023; Höganäs never.
    for (const [date, person, municipality] of [
      ["2023-03-01", s.bo, "Båstad"],
      ["2025-03-01", s.agnes, "Bjuv"],
    ] as const) {
      const m = await buildMeeting(db, { networkId: s.network.id, date, state: "approved" });
      await buildAttendance(db, {
        meetingId: m.id,
        personId: person.id,
        status: "present",
        isChair: true,
        municipality,
      });
    }
    const rotation = await getChairRotation(db, { actor: s.coord, slug: s.network.slug, today: TODAY });
    expect(rotation.proposals.map((p) => p.municipality)).toEqual(["Höganäs", "Båstad", "Bjuv"]);
    expect(rotation.proposals[0]?.candidates.map((c) => c.personId)).toEqual([s.cilla.id]);

    await appointChair(db, { actor: s.coord, networkId: s.network.id, personId: s.cilla.id, date: TODAY });
    const after = await getChairRotation(db, { actor: s.coord, slug: s.network.slug, today: TODAY });
    expect(after.chairs.map((c) => c.personId)).toEqual([s.cilla.id]);
    await appointChair(db, { actor: s.coord, networkId: s.network.id, personId: s.bo.id, date: "2026-09-01" });
    const memberships = await db
      .selectFrom("memberships")
      .select(["person_id", "role", "from_date", "to_date"])
      .where("network_id", "=", s.network.id)
      .where("person_id", "=", s.cilla.id)
      .orderBy("id")
      .execute();
    expect(memberships.map((m) => [m.role, m.from_date, m.to_date])).toEqual([
      ["member", "2020-01-01", TODAY],
      ["chair", TODAY, "2026-09-01"],
      ["member", "2026-09-01", null],
    ]);
    expect(
      (await failure(appointChair(db, { actor: s.member, networkId: s.network.id, personId: s.agnes.id, date: TODAY })))
        .code,
    ).toBe("forbidden");
    expect(
      (await failure(appointChair(db, { actor: s.coord, networkId: s.network.id, personId: s.left.id, date: TODAY })))
        .where,
    ).toBe("person_id");
  });
});
