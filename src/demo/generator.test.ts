import { createHash } from "node:crypto";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { CORPUS_SIZES, planCorpus } from "./generator.js";
import { hasMinutes, minutesDocument, renderDocx, renderMarkdown, renderText } from "./generator-docs.js";
import { type GenMeeting, generateMeetings } from "./generator-meetings.js";
import { MEMBER_MUNICIPALITIES } from "./generator-words.js";

const fingerprint = (meetings: number, seed?: number) => {
  const plan = planCorpus({ meetings, ...(seed !== undefined ? { seed } : {}) });
  const hash = createHash("sha256");
  const { themesByMeeting: _, ...world } = plan;
  hash.update(JSON.stringify(world, (key, value) => (key === "area" ? value.key : value)));
  for (const m of generateMeetings(plan)) hash.update(JSON.stringify(m));
  return hash.digest("hex");
};

describe("corpus generator", () => {
  it("gives the same corpus for the same seed, and another for another seed", () => {
    expect(fingerprint(400)).toBe(fingerprint(400));
    expect(fingerprint(400, 7)).toBe(fingerprint(400, 7));
    expect(fingerprint(400, 7)).not.toBe(fingerprint(400));
  });

  it("makes exactly the number of meetings asked for", () => {
    for (const meetings of [1, 137, CORPUS_SIZES.S]) {
      const plan = planCorpus({ meetings });
      expect(plan.meetingCount).toBe(meetings);
      expect([...generateMeetings(plan)]).toHaveLength(meetings);
    }
  });

  it("covers every field and municipality, with sub-networks under their parents", () => {
    const plan = planCorpus({ meetings: CORPUS_SIZES.S });
    expect(new Set(plan.networks.map((n) => n.area.key)).size).toBe(6);
    const municipalities = new Set(plan.people.map((p) => p.municipality));
    for (const m of MEMBER_MUNICIPALITIES) expect(municipalities).toContain(m);
    const names = plan.networks.map((n) => n.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const n of plan.networks.filter((x) => x.parentId !== null)) {
      const parent = plan.networks[(n.parentId ?? 0) - 1];
      expect(parent?.kind).toBe("network");
      expect(parent?.area.key).toBe(n.area.key);
      expect(parent?.id).toBeLessThan(n.id);
    }
  });

  it("keeps people, meetings, items and decisions consistent with each other", () => {
    const plan = planCorpus({ meetings: CORPUS_SIZES.S });
    const meetings: GenMeeting[] = [...generateMeetings(plan)];
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const itemIds = new Set<number>();
    const decisionKeys = new Set<string>();
    let lastItemId = 0;
    let held = 0;
    let postponed = 0;
    let replaced = 0;
    for (const m of meetings) {
      const network = plan.networks[m.networkId - 1];
      expect(network).toBeDefined();
      expect(m.id).toBeGreaterThanOrEqual(network?.firstMeetingId ?? 0);
      // Everyone on the roster held a seat in the network that day, or came as a guest.
      for (const a of m.attendance) {
        const seat = plan.memberships.find(
          (s) =>
            s.networkId === m.networkId &&
            s.personId === a.personId &&
            s.from <= m.date &&
            (s.to === null || s.to >= m.date),
        );
        if (a.status === "guest") expect(seat === undefined || seat.role === "coordinator").toBe(true);
        else {
          expect(seat).toBeDefined();
          expect(a.isChair).toBe(seat?.role === "chair");
        }
      }
      expect(new Set(m.attendance.map((a) => a.personId)).size).toBe(m.attendance.length);
      if (m.state === "cancelled") expect(m.items).toHaveLength(0);
      if (hasMinutes(m)) held++;
      const present = new Set(m.attendance.map((a) => a.personId));
      for (const i of m.items) {
        expect(i.id).toBeGreaterThan(lastItemId);
        lastItemId = i.id;
        itemIds.add(i.id);
        if (i.postponed) postponed++;
        if (i.carriedFrom) {
          const from = byId.get(i.carriedFrom.meetingId);
          expect(from?.networkId).toBe(m.networkId);
          expect(from && from.date < m.date).toBe(true);
          expect(from?.items.find((x) => x.id === i.carriedFrom?.itemId)?.postponed).toBe(true);
        }
        for (const d of i.decisions) {
          expect(d.text).toMatch(/^att /);
          const key = `${m.networkId}/${d.year}/${d.number}`;
          expect(decisionKeys.has(key)).toBe(false);
          decisionKeys.add(key);
        }
        for (const a of i.actions) {
          for (const p of a.assignees) expect(present.has(p.personId) || p.personId === m.noteTakerId).toBe(true);
          if (a.closedMeetingId !== null) expect(byId.get(a.closedMeetingId)?.networkId).toBe(m.networkId);
        }
        for (const r of i.raisers) expect(present.has(r.personId)).toBe(true);
      }
    }
    for (const s of plan.memberships) {
      if (s.to !== null) expect(s.to >= s.from).toBe(true);
      if (s.replacesId !== null) replaced++;
    }
    // A realistic archive: mostly held meetings, now and then postponed items, people who come and go.
    expect(held / meetings.length).toBeGreaterThan(0.8);
    expect(postponed).toBeGreaterThan(20);
    expect(replaced).toBeGreaterThan(20);
    expect(decisionKeys.size).toBeGreaterThan(200);
  });

  it("writes minutes in the layouts of the seed minutes", async () => {
    const plan = planCorpus({ meetings: 200 });
    const meeting = [...generateMeetings(plan)].find(
      (m) => hasMinutes(m) && m.items.some((i) => i.decisions.length > 0) && m.attendance.some((a) => a.isChair),
    );
    if (!meeting) throw new Error("no held meeting with a decision and a chair");
    const doc = minutesDocument(plan, meeting);
    const chair = meeting.attendance.find((a) => a.isChair);
    const decision = meeting.items.flatMap((i) => i.decisions)[0]?.text ?? "";
    const present = meeting.attendance.find((a) => a.status === "present" && !a.isChair);

    const text = renderText(doc);
    expect(text).toMatch(
      new RegExp(`^Datum och tid: ${meeting.date} kl\\.? \\d{1,2}(\\.\\d\\d)?-\\d{1,2}(\\.\\d\\d)?$`, "m"),
    );
    expect(text).toContain(`Plats och lokal: ${meeting.location}`);
    expect(text).toMatch(/^Närvarande:$/m);
    expect(text).toContain(`${chair?.name} (ordf.)\t`);
    expect(text).toContain(`${present?.name}\t${present?.municipality}`);
    expect(text).toContain(`Beslut: ${decision}.`);
    expect(text).toMatch(/Vid tangenterna\n\n\/\S+/);

    const md = renderMarkdown(doc);
    expect(md.startsWith(`# ${doc.network}`)).toBe(true);
    expect(md).toContain(`**Datum och tid:** ${meeting.date}`);
    expect(md).toContain("## Närvarande:");
    expect(md).toContain(`### ${meeting.items[0]?.title}`);
    expect(md).toContain(`**Beslut:** ${decision}.`);

    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await renderDocx(doc)) })).value;
    expect(html).toContain(`<h1>${doc.network}</h1>`);
    expect(html).toContain("<strong>Datum och tid:</strong>");
    expect(html).toContain(`<td><p>${present?.name}</p></td><td><p>${present?.municipality}</p></td>`);
    expect(html).toContain("<strong>Beslut:</strong>");
    expect(html).toContain(decision);
  });
});
