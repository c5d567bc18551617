import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import {
  buildAttendance,
  buildDecision,
  buildItem,
  buildItemAction,
  buildMeeting,
  buildMembership,
  buildNetwork,
  buildPerson,
  buildPlan,
} from "../../../test/factories.js";
import type { Database } from "../../db/client.js";
import { type Actor, ANONYMOUS, SYSTEM } from "../../domain/permissions.js";
import type { ReportRow } from "../../domain/report.js";
import { ReportInput } from "./context.js";
import { type ReportName, runReport } from "./index.js";

// A fictional network whose chair rotates like the one in the 2021 minutes, with a sub-network.
describe("reports", () => {
  let database: Database;
  let reader: Actor;
  const AS_OF = "2021-08-27";

  const report = (name: ReportName, actor: Actor = SYSTEM, input: Record<string, unknown> = {}) =>
    runReport(database.db, actor, name, ReportInput.parse({ asOf: AS_OF, ...input }), "2030-01-01");
  const rows = async (name: ReportName, table = 0, actor: Actor = SYSTEM, input: Record<string, unknown> = {}) =>
    (await report(name, actor, input)).tables[table]?.rows ?? [];
  const pick = (list: ReportRow[], match: Record<string, unknown>) =>
    list.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

  beforeAll(async () => {
    database = await openTestDatabase();
    const tx = database.db;
    const net = await buildNetwork(tx, { name: "Rotationsnätverket" });
    const sub = await buildNetwork(tx, { name: "Undergruppen", parentId: net.id });
    const ada = await buildPerson(tx, { name: "Ada Ek", municipality: "Höganäs" });
    const bo = await buildPerson(tx, { name: "Bo Al", municipality: "Helsingborg" });
    const cid = await buildPerson(tx, { name: "Cid Ås", municipality: "Ängelholm" });
    const dag = await buildPerson(tx, { name: "Dag Ek", municipality: "Bjuv" });
    const eva = await buildPerson(tx, { name: "Eva Lo", municipality: "Klippan" });
    const fia = await buildPerson(tx, { name: "Fia Ri", municipality: "Båstad" });
    const gun = await buildPerson(tx, { name: "Gun Sam" });
    await buildMembership(tx, {
      personId: eva.id,
      networkId: net.id,
      role: "chair",
      fromDate: "2014-01-01",
      toDate: "2016-12-31",
    });
    await buildMembership(tx, { personId: gun.id, networkId: net.id, role: "coordinator", fromDate: "2019-01-01" });

    const attend = async (
      meetingId: number,
      list: [number, "present" | "absent" | "excused" | "guest", string | null, boolean?][],
    ) => {
      for (const [personId, status, municipality, isChair] of list) {
        await buildAttendance(tx, { meetingId, personId, status, municipality, isChair: isChair ?? false });
      }
    };
    const m1 = await buildMeeting(tx, { networkId: net.id, date: "2019-09-06", state: "approved" });
    await attend(m1.id, [
      [ada.id, "present", "Höganäs", true],
      [cid.id, "absent", "Ängelholm", true],
      [bo.id, "present", "Helsingborg"],
      [eva.id, "excused", "Klippan"],
      [fia.id, "present", "Båstad"],
      [gun.id, "guest", null],
    ]);
    const m2 = await buildMeeting(tx, { networkId: net.id, date: "2020-01-10", state: "approved" });
    await attend(m2.id, [
      [ada.id, "present", "Höganäs", true],
      [bo.id, "present", "Helsingborg", true],
      [eva.id, "present", "Klippan"],
      [fia.id, "absent", "Båstad"],
    ]);
    const m3 = await buildMeeting(tx, { networkId: net.id, date: "2020-03-06", state: "minutes_draft" });
    await attend(m3.id, [
      [ada.id, "present", "Höganäs", true],
      [bo.id, "absent", "Helsingborg", true],
    ]);
    await buildMeeting(tx, { networkId: net.id, date: "2021-05-07", state: "cancelled" });
    const m4 = await buildMeeting(tx, { networkId: net.id, date: "2021-08-27", state: "approved" });
    await attend(m4.id, [
      [cid.id, "present", "Ängelholm", true],
      [dag.id, "absent", "Bjuv", true],
      [eva.id, "present", "Klippan"],
      [fia.id, "present", "Båstad"],
    ]);
    await buildMeeting(tx, { networkId: net.id, date: "2027-01-15", state: "planned" });
    await buildMeeting(tx, { networkId: sub.id, date: "2020-05-15", state: "approved" });
    await buildPlan(tx, { networkId: net.id, year: 2021 });

    const i1 = await buildItem(tx, { meetingId: m1.id, title: "Ny ordförande" });
    const i2 = await buildItem(tx, { meetingId: m2.id, title: "Verksamhetsplan" });
    const i3 = await buildItem(tx, { meetingId: m3.id, title: "Utkast" });
    await buildDecision(tx, { itemId: i1.id, text: "att välja ny ordförande" });
    await buildDecision(tx, { itemId: i2.id, text: "att anta verksamhetsplanen" });
    await buildDecision(tx, { itemId: i3.id, text: "att skriva ett utkast" });
    await buildItemAction(tx, {
      itemId: i2.id,
      dueDate: "2020-02-01",
      assignees: [{ personId: bo.id, name: "Bo Al" }],
    });
    await buildItemAction(tx, {
      itemId: i2.id,
      dueDate: "2099-01-01",
      assignees: [{ personId: eva.id, name: "Eva Lo" }],
    });
    await buildItemAction(tx, { itemId: i2.id, status: "done", assignees: [{ personId: eva.id, name: "Eva Lo" }] });
    await buildItemAction(tx, { itemId: i3.id, dueDate: "2020-04-01", assignees: [{ name: "Okänd Person" }] });

    reader = { userId: 99, personId: fia.id, isAdmin: false, label: "fia@exempel.se" };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("says which municipalities have not held the chair in the last 3 years", async () => {
    const r = await report("rotation", SYSTEM, { network: "Rotationsnätverket" });
    expect(r.summary).toEqual(["Båstad och Klippan har inte haft ordförandeskapet de senaste 3 åren."]);
    const data = r.data as {
      municipalities: { municipality: string; lastChaired: string | null; terms: unknown[] }[];
    }[];
    const history = Object.fromEntries(data[0]?.municipalities.map((m) => [m.municipality, m.terms]) ?? []);
    expect(history.Höganäs).toEqual([
      { person: "Ada Ek", municipality: "Höganäs", from: "2019-09-06", to: "2020-03-06", source: "attendance" },
    ]);
    expect(history.Ängelholm).toHaveLength(2); // two separate terms, 2019 and 2021
    expect(history.Klippan).toEqual([
      { person: "Eva Lo", municipality: "Klippan", from: "2014-01-01", to: "2016-12-31", source: "membership" },
    ]);
    expect(history.Båstad).toEqual([]);
    // a longer window reaches back to Klippan's term
    const ten = await report("rotation", SYSTEM, { network: "Rotationsnätverket", years: 10 });
    expect(ten.summary).toEqual(["Båstad har inte haft ordförandeskapet de senaste 10 åren."]);
    expect(ten.charts[0]?.type).toBe("spans");
  });

  it("counts only the minutes a reader may read", async () => {
    const r = await report("rotation", reader, { network: "Rotationsnätverket" });
    const data = r.data as { municipalities: { municipality: string; lastChaired: string | null }[] }[];
    expect(data[0]?.municipalities.find((m) => m.municipality === "Höganäs")?.lastChaired).toBe("2020-01-10");
    expect(await rows("decisions", 0, reader)).toEqual([
      { network: "Rotationsnätverket", year: 2019, decisions: 1 },
      { network: "Rotationsnätverket", year: 2020, decisions: 1 },
    ]);
    await expect(report("decisions", ANONYMOUS)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("gives attendance per municipality and per person per year, guests left out", async () => {
    const municipalities = await rows("attendance", 0, SYSTEM, { network: "Rotationsnätverket" });
    expect(pick(municipalities, { municipality: "Helsingborg", year: 2020 })).toMatchObject({
      meetings: 2,
      represented: 1,
      share: "50 %",
    });
    expect(pick(municipalities, { municipality: "Klippan", year: 2019 })).toMatchObject({
      represented: 0,
      share: "0 %",
    });
    expect(municipalities.some((r) => r.municipality === "Utan kommun")).toBe(false);
    const people = await rows("attendance", 1, SYSTEM, { network: "Rotationsnätverket" });
    expect(pick(people, { person: "Eva Lo", year: 2021 })).toMatchObject({ present: 1, away: 0, share: "100 %" });
    expect(people.some((r) => r.person === "Gun Sam")).toBe(false);
    const chart = (await report("attendance")).charts[0];
    expect(chart?.type === "heatmap" && chart.rows).toEqual([
      "Bjuv",
      "Båstad",
      "Helsingborg",
      "Höganäs",
      "Klippan",
      "Ängelholm",
    ]);
  });

  it("counts meetings held, cancelled and to come per network and year", async () => {
    const r = await rows("meetings", 0, SYSTEM, { network: "Rotationsnätverket" });
    expect(r).toEqual([
      { network: "Rotationsnätverket", year: 2019, held: 1, cancelled: 0, planned: 0 },
      { network: "Rotationsnätverket", year: 2020, held: 2, cancelled: 0, planned: 0 },
      { network: "Rotationsnätverket", year: 2021, held: 1, cancelled: 1, planned: 0 },
      { network: "Rotationsnätverket", year: 2027, held: 0, cancelled: 0, planned: 1 },
      { network: "Undergruppen", year: 2020, held: 1, cancelled: 0, planned: 0 },
    ]);
  });

  it("counts open and overdue actions per network and per person", async () => {
    expect(await rows("actions")).toEqual([{ network: "Rotationsnätverket", open: 3, overdue: 2 }]);
    const people = await rows("actions", 1);
    expect(pick(people, { person: "Bo Al" })).toMatchObject({ open: 1, overdue: 1 });
    expect(pick(people, { person: "Eva Lo" })).toMatchObject({ open: 1, overdue: 0 });
    expect(pick(people, { person: "Okänd Person" })).toMatchObject({ open: 1, overdue: 1 });
    expect(await rows("actions", 0, reader)).toEqual([{ network: "Rotationsnätverket", open: 2, overdue: 1 }]);
  });

  it("shows each network's last meeting, meetings this year, coordinator, plan and activity", async () => {
    const r = await rows("networks", 0, SYSTEM, { network: "Rotationsnätverket" });
    expect(r).toEqual([
      {
        name: "Rotationsnätverket",
        parent: null,
        kind: "Nätverk",
        lastMeeting: "2021-08-27",
        meetingsThisYear: 1,
        chairs: null,
        coordinators: "Gun Sam",
        plan: "Finns",
        status: "Aktivt",
        activity: "Aktivt",
      },
      expect.objectContaining({
        name: "Undergruppen",
        parent: "Rotationsnätverket",
        plan: "Saknas",
        activity: "Vilande",
      }),
    ]);
  });

  it("refuses an unknown network and a malformed date with the field named", async () => {
    await expect(report("meetings", SYSTEM, { network: "Finns inte" })).rejects.toMatchObject({ where: "network" });
    expect(ReportInput.safeParse({ asOf: "2021-02-31" }).success).toBe(false);
  });
});
