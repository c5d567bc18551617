import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { calendarTokenCreatedAt, findCalendarTokenActor, replaceCalendarToken } from "../db/queries/calendar-tokens.js";
import { type CalendarMeetingRow, currentNetworkIdsOf, listCalendarMeetings } from "../db/queries/exports.js";
import { findNetworkBySlug } from "../db/queries/networks.js";
import { findPerson, listMembershipsOfPerson } from "../db/queries/people.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { type CalendarEvent, calendarToIcs, meetingEvent } from "../exporters/ics.js";
import { authorize, networkRolesOf } from "./authorize.js";
import { uidDomain } from "./exportMeeting.js";

/** How far back a feed reaches: calendars keep last year's meetings, and a cancellation must still reach them. */
const FEED_DAYS_BACK = 365;

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function rowEvent(row: CalendarMeetingRow, baseUrl: string | undefined): CalendarEvent {
  return meetingEvent(
    {
      meetingId: row.id,
      network: row.networkName,
      title: row.title,
      date: row.date,
      startTime: row.startTime?.slice(0, 5) ?? null,
      endTime: row.endTime?.slice(0, 5) ?? null,
      location: row.location,
      onlineUrl: row.onlineUrl,
      state: row.state,
      cancelledReason: row.cancelledReason,
      noteTaker: null,
      nextMeeting: null,
      attendees: [],
      items: (row.agenda ?? []).map((title) => ({
        title,
        notes: "",
        raisedBy: [],
        presenter: null,
        durationMinutes: null,
        postponed: false,
        decisions: [],
        actions: [],
        roundNotes: [],
      })),
      revision: row.revision,
      updatedAt: row.updatedAt,
    },
    { baseUrl, uidDomain: uidDomain(baseUrl) },
  );
}

/** The person page's calendar section: whether a subscription link exists (its address is shown only once). */
export async function getCalendarSettings(tx: Tx, opts: { actor: Actor; personId: number }) {
  const person = await findPerson(tx, opts.personId);
  if (!person) throw notFound("Personen");
  const own = opts.actor.personId === person.id && opts.actor.userId !== null;
  if (!own) throw new AppError("forbidden", "Bara personen själv kan se och förnya sin kalenderlänk.");
  return { person, createdAt: await calendarTokenCreatedAt(tx, person.id) };
}

/**
 * Makes a new secret calendar link for the signed-in person; the old link stops working at once.
 * Returns the token, which is stored only as a hash and so can be shown only now.
 */
export async function renewCalendarToken(
  tx: Tx,
  opts: { actor: Actor; personId: number; today: string },
): Promise<{ token: string; networks: { name: string; slug: string }[] }> {
  const { person } = await getCalendarSettings(tx, opts);
  const token = await replaceCalendarToken(tx, { personId: person.id, userId: opts.actor.userId as number });
  await recordAudit(tx, { actor: opts.actor, action: "calendar.renew", objectType: "person", objectId: person.id });
  const current = (await listMembershipsOfPerson(tx, person.id)).filter(
    (m) => (m.fromDate === null || m.fromDate <= opts.today) && (m.toDate === null || m.toDate > opts.today),
  );
  const networks = [
    ...new Map(current.map((m) => [m.networkSlug, { name: m.networkName, slug: m.networkSlug }])).values(),
  ];
  return { token, networks };
}

/**
 * A calendar feed read with a secret token: the person's own networks, or one network they may
 * read. An unknown token is "not found", so the address tells a guesser nothing.
 */
export async function getCalendarFeed(
  tx: Tx,
  opts: { token: string; networkSlug?: string; today: string; baseUrl: string | undefined },
): Promise<{ name: string; ics: string }> {
  const actor = await findCalendarTokenActor(tx, opts.token);
  if (!actor || actor.personId === null) throw notFound("Kalendern");
  let networkIds: number[];
  let name: string;
  if (opts.networkSlug) {
    const network = await findNetworkBySlug(tx, opts.networkSlug);
    if (!network) throw notFound("Nätverket");
    await authorize(tx, actor, "meeting.read", { networkId: network.id });
    networkIds = [network.id];
    name = network.name;
  } else {
    const mine = await currentNetworkIdsOf(tx, actor.personId, opts.today);
    const readable: number[] = [];
    for (const id of mine) {
      const roles = await networkRolesOf(tx, actor, id);
      if (roles.includes("member") || roles.includes("coordinator")) readable.push(id);
    }
    networkIds = readable;
    name = "Mina möten i Samråd";
  }
  const rows = await listCalendarMeetings(tx, { networkIds, from: daysBefore(opts.today, FEED_DAYS_BACK) });
  return { name, ics: calendarToIcs({ name, events: rows.map((r) => rowEvent(r, opts.baseUrl)) }) };
}
