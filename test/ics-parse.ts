/** One parsed iCalendar property: name, parameters and the unescaped value. */
export type IcsProperty = { name: string; params: Record<string, string>; value: string };

/** A tiny RFC 5545 reader for tests: unfolds lines, splits components, unescapes TEXT. */
export function parseIcs(text: string): {
  calendar: IcsProperty[];
  events: Record<string, IcsProperty>[];
  timezones: string[];
} {
  if (!text.endsWith("\r\n")) throw new Error("an iCalendar file ends with CRLF");
  const lines = text.slice(0, -2).split("\r\n");
  for (const l of lines) if (Buffer.byteLength(l, "utf8") > 75) throw new Error(`line longer than 75 octets: ${l}`);
  const unfolded: string[] = [];
  for (const l of lines) {
    if (l.startsWith(" ")) unfolded[unfolded.length - 1] += l.slice(1);
    else unfolded.push(l);
  }
  const calendar: IcsProperty[] = [];
  const events: Record<string, IcsProperty>[] = [];
  const timezones: string[] = [];
  const stack: string[] = [];
  let event: Record<string, IcsProperty> | null = null;
  for (const line of unfolded) {
    const colon = line.indexOf(":");
    const head = line.slice(0, colon);
    const raw = line.slice(colon + 1);
    const [name = "", ...paramParts] = head.split(";");
    const params = Object.fromEntries(paramParts.map((p) => p.split("=") as [string, string]));
    if (name === "BEGIN") {
      stack.push(raw);
      if (raw === "VEVENT") event = {};
      continue;
    }
    if (name === "END") {
      if (stack.pop() !== raw) throw new Error(`END:${raw} does not match`);
      if (raw === "VEVENT" && event) events.push(event);
      continue;
    }
    const value = raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
    const prop = { name, params, value };
    if (stack.at(-1) === "VEVENT" && event) event[name] = prop;
    else if (stack.at(-1) === "VTIMEZONE" && name === "TZID") timezones.push(value);
    else if (stack.at(-1) === "VCALENDAR") calendar.push(prop);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(", ")}`);
  return { calendar, events, timezones };
}
