import { EventEnvelope } from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';
import { OrderFact, TimelineEntry } from '@bazaar/support-domain';
import { PublishedEvent } from './published-event';

/** Translates a published event into the fact Support projects; exhaustive over what Support reads. */
export function toOrderFact(event: PublishedEvent): OrderFact {
  const source = timelineEntryOf(event.envelope);
  switch (event.wireType) {
    case 'checkout.cart-checked-out.v1': {
      const { orderId, buyerId, lines, total, shippingAddress, placedAt } = event.envelope.data;
      return {
        kind: 'order-placed',
        orderId,
        source,
        checkout: {
          buyerId,
          lines: lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice, lineTotal })),
          total,
          shippingAddress: { ...shippingAddress, line2: shippingAddress.line2 ?? null },
          placedAt: utc(placedAt),
        },
      };
    }
    case 'fulfillment.shipment-created.v1': {
      const { shipmentId, orderId, lines, createdAt } = event.envelope.data;
      return { kind: 'shipment-created', orderId, source, shipmentId, lines: lines.map(({ sku, quantity }) => ({ sku, quantity })), createdAt: utc(createdAt) };
    }
    case 'finance.revenue-deferred.v1': {
      const { revenueEventId, orderId, amount, recordedAt } = event.envelope.data;
      return { kind: 'revenue-deferred', orderId, source, entryId: revenueEventId, amount, recordedAt: utc(recordedAt) };
    }
    default:
      return assertNever(event);
  }
}

function timelineEntryOf(envelope: EventEnvelope): TimelineEntry {
  return { eventId: envelope.id, type: envelope.type, version: envelope.version, context: envelope.producer, occurredAt: utc(envelope.occurredAt) };
}

/** Producers may send any offset; the view keeps canonical UTC so that times sort as text. */
function utc(isoDateTime: string): string {
  return new Date(isoDateTime).toISOString();
}
