import { StatementBatch, Transactions, UnitMemo } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';

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

  /** New marks, gathered by `markNew`: one INSERT for a unit's marks, each of which it must write. */
  private readonly marks: StatementBatch<{ readonly id: string; readonly type: string }> = {
    statements: (marks) => [
      {
        text: `INSERT INTO inbox (consumer, event_id, event_type)
               SELECT $1, mark.id, mark.type FROM unnest($2::uuid[], $3::text[]) AS mark(id, type)
               ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        values: [this.consumer, marks.map((mark) => mark.id), marks.map((mark) => mark.type)],
        expect: { rows: marks.length, otherwise: () => new ConcurrencyConflict('Inbox', this.consumer) },
      },
    ],
  };

  /** One event's effect, once: its mark joins the effect's unit of work as `markNew`'s do. */
  once(event: InboxEntry, effect: () => Promise<unknown>): Promise<InboxOutcome> {
    return this.transactions.run(async () => {
      if ((await this.markNew([event])).length === 0) return 'duplicate';
      await effect();
      return 'applied';
    });
  }

  /**
   * The events not marked before, in the order given, each once — the effects to apply — marked
   * in the unit of work of their effects (which the caller opens or joins). Those marked before (or
   * twice in `events`, or already in this unit) are left out: redeliveries.
   *
   * It reads which of them are marked, and the new marks join the unit's closing statement
   * (`Transactions.gather`), so a consumer's run is its reads and one statement, without BEGIN and
   * COMMIT when nothing else needs the transaction. That statement expects to insert every mark:
   * if another replica marked one of them in between (a rebalance handed it the same events), the
   * statement writes nothing and the unit fails with ConcurrencyConflict, which the transport tries
   * again at once — and then finds the marks.
   */
  markNew<E extends InboxEntry>(events: readonly E[]): Promise<E[]> {
    return this.transactions.run(async () => {
      const byId = new Map<string, E>();
      for (const event of events) {
        const id = event.id.toLowerCase();
        if (!byId.has(id) && !this.transactions.recall(pendingMarks, this.keyOf(id))) byId.set(id, event);
      }
      if (byId.size === 0) return [];
      const marked = (await this.transactions.reader.query('SELECT event_id FROM inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])', [this.consumer, [...byId.keys()]])) as {
        event_id: string;
      }[];
      for (const { event_id } of marked) byId.delete(event_id);
      for (const [id, event] of byId) {
        this.transactions.remember(pendingMarks, this.keyOf(id), true);
        await this.transactions.gather(this.marks, { id, type: `${event.type}.v${event.version}` });
      }
      return [...byId.values()];
    });
  }

  private keyOf(eventId: string): string {
    return `${this.consumer} ${eventId}`;
  }
}

/** The marks a unit of work has gathered and not yet written, by consumer and event id. */
const pendingMarks = new UnitMemo<true>('inbox marks gathered in this unit');
