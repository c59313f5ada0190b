/**
 * One published event as the agent sees it on the order's timeline. Times are canonical UTC ISO-8601
 * strings (`2026-11-21T09:30:00.000Z`), so ordering them as strings orders them in time.
 */
export interface TimelineEntry {
  readonly eventId: string;
  /** The published type without version, e.g. `checkout.cart-checked-out`. */
  readonly type: string;
  readonly version: number;
  /** The bounded context that published it, e.g. `checkout`. */
  readonly context: string;
  readonly occurredAt: string;
}

/** Adds an entry once (by event id) and keeps the timeline sorted by (occurredAt, eventId). */
export function withTimelineEntry(timeline: readonly TimelineEntry[], entry: TimelineEntry): readonly TimelineEntry[] {
  if (timeline.some((existing) => existing.eventId === entry.eventId)) return timeline;
  return [...timeline, entry].sort(byTimeThenEventId);
}

function byTimeThenEventId(a: TimelineEntry, b: TimelineEntry): number {
  return compareText(a.occurredAt, b.occurredAt) || compareText(a.eventId, b.eventId);
}

/** Code-unit order, independent of the runtime's locale, so every replica sorts alike. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
