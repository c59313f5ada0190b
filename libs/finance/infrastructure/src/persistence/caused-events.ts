import { EventCauses } from '@bazaar/finance-domain';
import { MessageContext, Outbox, OutgoingEvent, runForMessages } from '@bazaar/platform-messaging';
import { StatementBatch, Transactions } from '@bazaar/platform-database';

/**
 * Aggregates gathered under their statement batch, and the published form of their pending events
 * gathered for the outbox (`Outbox.gather`): all of it written with the unit of work's closing
 * statement (one is opened when there is none). Each event carries the correlation, causation and
 * trace of the message that caused it (`causes`, by domain event, as the sale commands handler
 * recorded them; without one, the message in hand).
 */
export function gatherWithCausedEvents<A extends { readonly pendingEvents: readonly E[] }, E extends object>(
  outbox: Outbox,
  transactions: Transactions,
  batch: StatementBatch<A>,
  aggregates: readonly A[],
  publish: (events: E[]) => OutgoingEvent[],
  causes: EventCauses,
): Promise<void> {
  if (aggregates.length === 0) return Promise.resolve();
  return transactions.run(async () => {
    for (const aggregate of aggregates) await transactions.gather(batch, aggregate);
    const causeOf = new Map<OutgoingEvent, MessageContext | undefined>();
    const published = aggregates.flatMap((aggregate) =>
      aggregate.pendingEvents.flatMap((event) =>
        publish([event]).map((out) => {
          causeOf.set(out, causes.get(event) as MessageContext | undefined);
          return out;
        }),
      ),
    );
    await runForMessages(
      (out) => causeOf.get(out),
      () => outbox.gather(transactions, published),
    );
  });
}
