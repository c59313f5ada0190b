import { formatInvoiceNumber, InvoiceEvent, LedgerEvent } from '@bazaar/finance-domain';
import { OutgoingEvent } from '@bazaar/platform-messaging';
import { InvoiceIssuedV1, RevenueDeferredV1, RevenueRecognizedV1, RevenueReversedV1 } from '@bazaar/published-language';
import { assertNever, Money } from '@bazaar/shared-kernel';

/*
 * Finance's private events as the published language: every domain event is decided here. Ledger
 * events are keyed by the order id, so one order's ledger stays in order on `finance.ledgers`;
 * invoice events by the invoice id, on `finance.invoices`.
 */

export function toPublishedLedgerEvents(events: readonly LedgerEvent[]): OutgoingEvent[] {
  return events.map((event) => {
    switch (event.type) {
      case 'RevenueDeferred': {
        const data: RevenueDeferredV1 = {
          revenueEventId: event.revenueEventId,
          orderId: event.orderId,
          amount: copy(event.amount),
          recordedAt: event.occurredAt.toISOString(),
        };
        return { contract: RevenueDeferredV1, data, aggregateId: event.orderId, occurredAt: event.occurredAt };
      }
      case 'RevenueRecognized': {
        const data: RevenueRecognizedV1 = {
          revenueEventId: event.revenueEventId,
          deferredRevenueEventId: event.deferredRevenueEventId,
          orderId: event.orderId,
          shipmentId: event.shipmentId,
          amount: copy(event.amount),
          recordedAt: event.occurredAt.toISOString(),
        };
        return { contract: RevenueRecognizedV1, data, aggregateId: event.orderId, occurredAt: event.occurredAt };
      }
      case 'RevenueReversed': {
        const data: RevenueReversedV1 = {
          revenueEventId: event.revenueEventId,
          reversedRevenueEventId: event.reversedRevenueEventId,
          orderId: event.orderId,
          amount: copy(event.amount),
          recordedAt: event.occurredAt.toISOString(),
        };
        return { contract: RevenueReversedV1, data, aggregateId: event.orderId, occurredAt: event.occurredAt };
      }
      default:
        return assertNever(event);
    }
  });
}

export function toPublishedInvoiceEvents(events: readonly InvoiceEvent[]): OutgoingEvent[] {
  return events.map((event) => {
    switch (event.type) {
      case 'InvoiceIssued': {
        const data: InvoiceIssuedV1 = {
          invoiceId: event.invoiceId,
          invoiceNumber: formatInvoiceNumber(event.number),
          orderId: event.orderId,
          buyerId: event.buyerId,
          lines: event.lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice: copy(unitPrice), lineTotal: copy(lineTotal) })),
          total: copy(event.total),
          issuedAt: event.occurredAt.toISOString(),
        };
        return { contract: InvoiceIssuedV1, data, aggregateId: event.invoiceId, occurredAt: event.occurredAt };
      }
      default:
        return assertNever(event.type);
    }
  });
}

function copy({ amount, currency }: Money): Money {
  return { amount, currency };
}
