import { EventCauses } from '@bazaar/finance-domain';
import { MessageContext, Outbox, OutgoingEvent, runForMessages } from '@bazaar/platform-messaging';
import { Transactions } from '@bazaar/platform-database';

/**
 * The published form of domain events, gathered for the unit of work's closing statement
 * (`Outbox.gather`), each carrying the correlation, causation and trace of the message that caused
 * it (`causes`, by domain event, as the sale commands handler recorded them; without one, the
 * message in hand).
 */
export function gatherCaused<E extends object>(
  outbox: Outbox,
  transactions: Transactions,
  events: readonly E[],
  publish: (events: E[]) => OutgoingEvent[],
  causes: EventCauses,
): Promise<void> {
  return withCauses(events, publish, causes, (published) => outbox.gather(transactions, published));
}

/** The events' published forms, written by `write` while each one's cause is the message in hand. */
function withCauses<E extends object>(
  events: readonly E[],
  publish: (events: E[]) => OutgoingEvent[],
  causes: EventCauses,
  write: (published: OutgoingEvent[]) => Promise<void>,
): Promise<void> {
  const causeOf = new Map<OutgoingEvent, MessageContext | undefined>();
  const published = events.flatMap((event) =>
    publish([event]).map((out) => {
      causeOf.set(out, causes.get(event) as MessageContext | undefined);
      return out;
    }),
  );
  return runForMessages(
    (out) => causeOf.get(out),
    () => write(published),
  );
}
