import { EventCauses } from '@bazaar/finance-domain';
import { MessageContext, Outbox, OutgoingEvent, runForMessages } from '@bazaar/platform-messaging';
import { EntityManager } from 'typeorm';

/**
 * Appends the published form of domain events to the outbox in one statement, each carrying the
 * correlation, causation and trace of the message that caused it (`causes`, by domain event, as
 * the sale commands handler recorded them; without one, the message in hand).
 */
export function appendCaused<E extends object>(
  outbox: Outbox,
  manager: EntityManager,
  events: readonly E[],
  publish: (events: E[]) => OutgoingEvent[],
  causes: EventCauses,
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
    () => outbox.append(manager, published),
  );
}
