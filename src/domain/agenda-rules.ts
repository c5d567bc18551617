// Rules of the agenda that depend on what items are called: closing items ("Övrigt") stay last,
// and "Föregående anteckningar" points to the previous meeting's minutes.

const CLOSING = /^(övrigt|övriga frågor|avslutning|nästa möte|mötets avslutande)\b/i;
const PREVIOUS_MINUTES = /^föregående (anteckningar|minnesanteckningar|protokoll|mötes)/i;

/** Whether an item closes every agenda and so stays after the items added to it. */
export function isClosingItem(title: string): boolean {
  return CLOSING.test(title.trim());
}

/** Whether an item is the review of the previous meeting's minutes. */
export function isPreviousMinutesItem(title: string): boolean {
  return PREVIOUS_MINUTES.test(title.trim());
}

/**
 * The new order of an agenda when items are added: the existing items keep their order, new items
 * go before the first closing item at the end, and new closing items go last.
 */
export function mergeAgenda<T extends { title: string }>(existing: T[], added: T[]): T[] {
  let tail = existing.length;
  while (tail > 0 && isClosingItem(existing[tail - 1]?.title ?? "")) tail--;
  const closing = added.filter((i) => isClosingItem(i.title));
  const body = added.filter((i) => !isClosingItem(i.title));
  return [...existing.slice(0, tail), ...body, ...existing.slice(tail), ...closing];
}

/** The title of an agenda item that follows up an action, kept short enough for a heading. */
export function followUpTitle(actionText: string): string {
  const text = actionText.trim().replace(/\s+/g, " ");
  const short = text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text;
  return `Uppföljning: ${short}`;
}
