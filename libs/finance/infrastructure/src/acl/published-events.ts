import { formatInvoiceNumber, InvoiceEvent, LedgerEvent, SubscriptionEvent } from '@bazaar/finance-domain';
import { OutgoingEvent } from '@bazaar/platform-messaging';
import {
  InvoiceIssuedV1,
  RevenueDeferredV1,
  RevenueRecognizedV1,
  RevenueReversedV1,
  SubscriptionCancelledV1,
  SubscriptionRenewedV1,
  SubscriptionStartedV1,
} from '@bazaar/published-language';
import { assertNever, Money } from '@bazaar/shared-kernel';

/*
 * Finance's private events as the published language: every domain event is decided here. Ledger
 * events are keyed by the order id, so one order's ledger stays in order on `finance.ledgers`;
 * invoice events by the invoice id, on `finance.invoices`; subscription events by the subscription
 * id, on `finance.subscriptions`.
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

export function toPublishedSubscriptionEvents(events: readonly SubscriptionEvent[]): OutgoingEvent[] {
  return events.map((event) => {
    const { subscriptionId, sellerId, plan } = event;
    switch (event.type) {
      case 'SubscriptionStarted': {
        const data: SubscriptionStartedV1 = {
          subscriptionId,
          sellerId,
          plan,
          price: copy(event.price),
          periodStart: event.period.start.toISOString(),
          periodEnd: event.period.end.toISOString(),
          startedAt: event.occurredAt.toISOString(),
        };
        return { contract: SubscriptionStartedV1, data, aggregateId: subscriptionId, occurredAt: event.occurredAt };
      }
      case 'SubscriptionRenewed': {
        const data: SubscriptionRenewedV1 = {
          subscriptionId,
          sellerId,
          plan,
          price: copy(event.price),
          periodStart: event.period.start.toISOString(),
          periodEnd: event.period.end.toISOString(),
          renewedAt: event.occurredAt.toISOString(),
        };
        return { contract: SubscriptionRenewedV1, data, aggregateId: subscriptionId, occurredAt: event.occurredAt };
      }
      case 'SubscriptionCancelled': {
        const data: SubscriptionCancelledV1 = { subscriptionId, sellerId, plan, cancelledAt: event.occurredAt.toISOString() };
        return { contract: SubscriptionCancelledV1, data, aggregateId: subscriptionId, occurredAt: event.occurredAt };
      }
      default:
        return assertNever(event);
    }
  });
}
