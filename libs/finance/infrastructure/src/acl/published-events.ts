import { LedgerEvent } from '@bazaar/finance-domain';
import { OutgoingEvent } from '@bazaar/platform-messaging';
import { RevenueDeferredV1, RevenueReversedV1 } from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';

/**
 * Finance's private ledger events as the published language: every domain event is decided here.
 * The key is the order id, so one order's ledger stays in order on `finance.ledgers`.
 */
export function toPublishedEvents(events: readonly LedgerEvent[]): OutgoingEvent[] {
  return events.map((event) => {
    switch (event.type) {
      case 'RevenueDeferred': {
        const data: RevenueDeferredV1 = {
          revenueEventId: event.revenueEventId,
          orderId: event.orderId,
          amount: { amount: event.amount.amount, currency: event.amount.currency },
          recordedAt: event.occurredAt.toISOString(),
        };
        return { contract: RevenueDeferredV1, data, aggregateId: event.orderId, occurredAt: event.occurredAt };
      }
      case 'RevenueReversed': {
        const data: RevenueReversedV1 = {
          revenueEventId: event.revenueEventId,
          reversedRevenueEventId: event.reversedRevenueEventId,
          orderId: event.orderId,
          amount: { amount: event.amount.amount, currency: event.amount.currency },
          recordedAt: event.occurredAt.toISOString(),
        };
        return { contract: RevenueReversedV1, data, aggregateId: event.orderId, occurredAt: event.occurredAt };
      }
      default:
        return assertNever(event);
    }
  });
}
