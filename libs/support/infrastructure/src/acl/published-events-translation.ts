import { BuyerPersonalDataErasedV1, EventEnvelope } from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';
import { CheckoutDetails, OrderFact, PersonalDataErased, TimelineEntry } from '@bazaar/support-domain';
import { PublishedEvent } from './published-event';

/**
 * Translates a published event into the fact Support projects; exhaustive over what Support reads.
 * Every fact is filed under the order named in the event's data (a shipment's key is its own id),
 * and every time is normalized to UTC.
 */
export function toOrderFact(event: PublishedEvent): OrderFact {
  const source = timelineEntryOf(event.envelope);
  switch (event.wireType) {
    case 'checkout.cart-checked-out.v1': {
      const { shippingAddress } = event.envelope.data;
      return orderPlaced(source, event.envelope.data, { shippingAddress: { ...shippingAddress, line2: shippingAddress.line2 ?? null } });
    }
    case 'checkout.cart-checked-out.v2': {
      // The address stays sealed as received; it opens only when an agent reads the view, with the buyer's key.
      const { keyId, ciphertext } = event.envelope.data.sealedShippingAddress;
      return orderPlaced(source, event.envelope.data, { shippingAddress: null, sealedShippingAddress: { keyId, ciphertext } });
    }
    case 'checkout.fraud-review-requested.v1': {
      const { orderId, score, reasons, requestedAt } = event.envelope.data;
      return { kind: 'fraud-review-requested', orderId, source, score, reasons: [...reasons], requestedAt: utc(requestedAt) };
    }
    case 'checkout.fraud-review-decided.v1': {
      const { orderId, decision, decidedAt } = event.envelope.data;
      return { kind: 'fraud-review-decided', orderId, source, decision, decidedAt: utc(decidedAt) };
    }
    case 'checkout.payment-authorized.v1':
    case 'checkout.payment-authorized.v2': {
      // The lines, total and address repeat the checkout's; Support takes those from the checkout.
      const { orderId, amount, authorizationReference, authorizedAt } = event.envelope.data;
      return { kind: 'payment-authorized', orderId, source, amount, authorizationReference, authorizedAt: utc(authorizedAt) };
    }
    case 'checkout.payment-failed.v1': {
      const { orderId, reason, failedAt } = event.envelope.data;
      return { kind: 'payment-failed', orderId, source, reason, failedAt: utc(failedAt) };
    }
    case 'checkout.order-confirmed.v1': {
      const { orderId, confirmedAt } = event.envelope.data;
      return { kind: 'order-confirmed', orderId, source, confirmedAt: utc(confirmedAt) };
    }
    case 'checkout.order-cancelled.v1': {
      const { orderId, reason, paymentWasAuthorized, authorizationVoided, cancelledAt } = event.envelope.data;
      return { kind: 'order-cancelled', orderId, source, cancellation: { reason, cancelledAt: utc(cancelledAt), paymentWasAuthorized, authorizationVoided } };
    }
    case 'checkout.order-completed.v1': {
      const { orderId, completedAt } = event.envelope.data;
      return { kind: 'order-completed', orderId, source, completedAt: utc(completedAt) };
    }
    case 'fulfillment.inventory-reserved.v1': {
      const { orderId, lines, reservedAt } = event.envelope.data;
      return { kind: 'stock-reserved', orderId, source, lines: lines.map(({ sku, quantity }) => ({ sku, quantity })), reservedAt: utc(reservedAt) };
    }
    case 'fulfillment.inventory-reservation-failed.v1': {
      const { orderId, unavailable, failedAt } = event.envelope.data;
      const lines = unavailable.map(({ sku, requested, available, reason }) => ({ sku, requested, available, reason: reason ?? null }));
      return { kind: 'stock-reservation-failed', orderId, source, unavailable: lines, failedAt: utc(failedAt) };
    }
    case 'fulfillment.shipment-created.v1': {
      const { shipmentId, orderId, lines, createdAt } = event.envelope.data;
      return { kind: 'shipment-created', orderId, source, shipmentId, lines: lines.map(({ sku, quantity }) => ({ sku, quantity })), createdAt: utc(createdAt) };
    }
    case 'fulfillment.shipment-picked.v1': {
      const { shipmentId, orderId, pickedAt } = event.envelope.data;
      return { kind: 'shipment-picked', orderId, source, shipmentId, pickedAt: utc(pickedAt) };
    }
    case 'fulfillment.shipment-packed.v1': {
      const { shipmentId, orderId, packedAt } = event.envelope.data;
      return { kind: 'shipment-packed', orderId, source, shipmentId, packedAt: utc(packedAt) };
    }
    case 'fulfillment.shipment-delivered.v1': {
      const { shipmentId, orderId, deliveredAt } = event.envelope.data;
      return { kind: 'shipment-delivered', orderId, source, shipmentId, deliveredAt: utc(deliveredAt) };
    }
    case 'fulfillment.shipment-dispatched.v1': {
      const { shipmentId, orderId, carrier, trackingNumber, dispatchedAt } = event.envelope.data;
      return { kind: 'shipment-dispatched', orderId, source, shipmentId, carrier, trackingNumber, dispatchedAt: utc(dispatchedAt) };
    }
    case 'fulfillment.shipment-cancelled.v1': {
      const { shipmentId, orderId, cancelledAt } = event.envelope.data;
      return { kind: 'shipment-cancelled', orderId, source, shipmentId, cancelledAt: utc(cancelledAt) };
    }
    case 'finance.revenue-deferred.v1': {
      const { revenueEventId, orderId, amount, recordedAt } = event.envelope.data;
      return { kind: 'revenue-deferred', orderId, source, entryId: revenueEventId, amount, recordedAt: utc(recordedAt) };
    }
    case 'finance.revenue-recognized.v1': {
      const { revenueEventId, deferredRevenueEventId, orderId, amount, recordedAt } = event.envelope.data;
      return { kind: 'revenue-recognized', orderId, source, entryId: revenueEventId, recognizesEntryId: deferredRevenueEventId, amount, recordedAt: utc(recordedAt) };
    }
    case 'finance.revenue-reversed.v1': {
      const { revenueEventId, reversedRevenueEventId, orderId, amount, recordedAt } = event.envelope.data;
      return { kind: 'revenue-reversed', orderId, source, entryId: revenueEventId, reversesEntryId: reversedRevenueEventId, amount, recordedAt: utc(recordedAt) };
    }
    case 'finance.invoice-issued.v1': {
      // The buyer and lines repeat the checkout's; Support shows the number and total agents quote.
      const { invoiceId, invoiceNumber, orderId, total, issuedAt } = event.envelope.data;
      return { kind: 'invoice-issued', orderId, source, invoice: { invoiceId, invoiceNumber, total, issuedAt: utc(issuedAt) } };
    }
    default:
      return assertNever(event);
  }
}

/** A buyer's erasure is a fact about each of their orders: every view of theirs drops the address. */
export function erasureFactsOf(envelope: EventEnvelope<BuyerPersonalDataErasedV1>): PersonalDataErased[] {
  const source = timelineEntryOf(envelope);
  return envelope.data.orderIds.map((orderId) => ({ kind: 'personal-data-erased', orderId, source, erasedAt: utc(envelope.data.erasedAt) }));
}

function timelineEntryOf(envelope: EventEnvelope): TimelineEntry {
  return { eventId: envelope.id, type: envelope.type, version: envelope.version, context: envelope.producer, occurredAt: utc(envelope.occurredAt) };
}

/** Producers may send any offset; the view keeps canonical UTC so that times sort as text. */
function utc(isoDateTime: string): string {
  return new Date(isoDateTime).toISOString();
}

/** The order placed, as either version of the checkout tells it; only how the address travels differs. */
function orderPlaced(
  source: TimelineEntry,
  { orderId, buyerId, lines, total, placedAt }: Pick<CheckoutDetails, 'buyerId' | 'lines' | 'total' | 'placedAt'> & { readonly orderId: string },
  address: Pick<CheckoutDetails, 'shippingAddress' | 'sealedShippingAddress'>,
): OrderFact {
  return {
    kind: 'order-placed',
    orderId,
    source,
    checkout: {
      buyerId,
      lines: lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice, lineTotal })),
      total,
      ...address,
      placedAt: utc(placedAt),
    },
  };
}
