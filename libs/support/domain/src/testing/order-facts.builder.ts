import { OrderPlaced, RevenueDeferred, ShipmentCreated } from '../case-order-view/order-facts';

interface SourceOverrides {
  readonly eventId?: string;
  readonly occurredAt?: string;
}

/** Test data: facts about one order, with the values of the recorded examples unless overridden. */
export function factsAbout(orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f') {
  return {
    orderPlaced: (o: SourceOverrides = {}): OrderPlaced => ({
      kind: 'order-placed',
      orderId,
      source: source('checkout.cart-checked-out', 'checkout', o.eventId ?? 'evt-checkout', o.occurredAt ?? '2026-11-21T09:30:00.000Z'),
      checkout: {
        buyerId: 'buyer-42',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) },
          { sku: 'TEA-EARL', quantity: 1, unitPrice: eur(899), lineTotal: eur(899) },
        ],
        total: eur(3399),
        shippingAddress: { name: 'Ada Lovelace', line1: "12 St James's Square", line2: null, city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
        placedAt: '2026-11-21T09:30:00.000Z',
      },
    }),

    shipmentCreated: (o: SourceOverrides & { shipmentId?: string; createdAt?: string } = {}): ShipmentCreated => ({
      kind: 'shipment-created',
      orderId,
      source: source('fulfillment.shipment-created', 'fulfillment', o.eventId ?? 'evt-shipment', o.occurredAt ?? '2026-11-21T09:30:00.120Z'),
      shipmentId: o.shipmentId ?? 'shp-1',
      lines: [
        { sku: 'MUG-BLUE', quantity: 2 },
        { sku: 'TEA-EARL', quantity: 1 },
      ],
      createdAt: o.createdAt ?? o.occurredAt ?? '2026-11-21T09:30:00.120Z',
    }),

    revenueDeferred: (o: SourceOverrides & { entryId?: string; amount?: number } = {}): RevenueDeferred => ({
      kind: 'revenue-deferred',
      orderId,
      source: source('finance.revenue-deferred', 'finance', o.eventId ?? 'evt-revenue', o.occurredAt ?? '2026-11-21T09:30:00.140Z'),
      entryId: o.entryId ?? 'rev-1',
      amount: eur(o.amount ?? 3399),
      recordedAt: o.occurredAt ?? '2026-11-21T09:30:00.140Z',
    }),
  };
}

function source(type: string, context: string, eventId: string, occurredAt: string) {
  return { eventId, type, version: 1, context, occurredAt };
}

function eur(amount: number) {
  return { amount, currency: 'EUR' };
}
