import { Transactions } from '@bazaar/platform-database';

/** What the inbox needs to know about an incoming event. */
export interface InboxEntry {
  readonly id: string;
  readonly type: string;
  readonly version: number;
}

export type InboxOutcome = 'applied' | 'duplicate';

/**
 * Exactly-once effects on top of at-least-once delivery: the mark (consumer, event id) is inserted
 * in the same transaction as the effect, so a redelivered event finds its mark and changes nothing,
 * and a failed effect leaves no mark behind.
 */
export class Inbox {
  constructor(
    private readonly transactions: Transactions,
    /** The consuming component, e.g. `fulfillment.checkout-events`; one inbox may serve several. */
    private readonly consumer: string,
  ) {}

  once(event: InboxEntry, effect: () => Promise<unknown>): Promise<InboxOutcome> {
    return this.transactions.run(async (manager) => {
      const marked: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.consumer, event.id, `${event.type}.v${event.version}`],
      );
      if (marked.length === 0) return 'duplicate';
      await effect();
      return 'applied';
    });
  }

  /**
   * The marks of many events in one statement, inside the transaction of their effects (which the
   * caller opens or joins): the events not marked before, in the order given, each once — the
   * effects to apply. Those marked before (or twice in `events`) are left out: redeliveries.
   */
  markNew<E extends InboxEntry>(events: readonly E[]): Promise<E[]> {
    return this.transactions.run(async (manager) => {
      const byId = new Map<string, E>();
      for (const event of events) if (!byId.has(event.id.toLowerCase())) byId.set(event.id.toLowerCase(), event);
      const unique = [...byId.values()];
      if (unique.length === 0) return [];
      const marked = (await manager.query(
        `INSERT INTO inbox (consumer, event_id, event_type)
         SELECT $1, event.id, event.type FROM unnest($2::uuid[], $3::text[]) AS event(id, type)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.consumer, unique.map((event) => event.id), unique.map((event) => `${event.type}.v${event.version}`)],
      )) as { event_id: string }[];
      const fresh = new Set(marked.map((row) => row.event_id));
      return unique.filter((event) => fresh.has(event.id.toLowerCase()));
    });
  }
}
