import type { ComponentChildren } from "preact";
import type { MeetingState } from "../../db/schema.js";
import { formatDate, formatTimeRange } from "../../domain/dates.js";
import { MEETING_STATE_LABELS } from "../../domain/meeting-state.js";
import { renderMarkdown } from "../markdown.js";

/** A meeting's state as a coloured badge with its Swedish name. */
export function StateBadge({ state }: { state: MeetingState }) {
  return <span class={`badge state-${state}`}>{MEETING_STATE_LABELS[state]}</span>;
}

/** A date written out in Swedish inside a <time> element. */
export function DateText({ date }: { date: string }) {
  return <time dateTime={date}>{formatDate(date)}</time>;
}

/** "09:00–12:00" or nothing. */
export function TimeRange({ start, end }: { start: string | null; end: string | null }) {
  const text = formatTimeRange(start, end);
  return text ? <span>kl. {text}</span> : null;
}

/** Markdown from a writer, rendered safely. */
export function Markdown({ source }: { source: string }) {
  if (!source.trim()) return null;
  return <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

/** A quiet line for an empty list. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** A plain notice that a section is not built yet, saying what it will hold. */
export function NotYet({ what }: { what: string }) {
  return (
    <div class="notice" role="status">
      <p>
        <strong>Den här delen är inte byggd ännu.</strong> {what}
      </p>
    </div>
  );
}
