import { CartCheckedOutV1, RevenueDeferredV1, ShipmentCreatedV1 } from '@bazaar/published-language';
import { recordedExample } from '@bazaar/platform-testing';
import { toOrderFact } from './order-facts.translator';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';

describe('translating published events into order facts', () => {
  it('turns a checkout into the order placed, with its buyer, lines, totals and address', () => {
    const fact = toOrderFact({ wireType: 'checkout.cart-checked-out.v1', envelope: recordedExample(CartCheckedOutV1) });

    expect(fact).toEqual({
      kind: 'order-placed',
      orderId,
      source: { eventId: '0b9f4a52-7c55-4f0e-9a3c-3d6f1f8f4a01', type: 'checkout.cart-checked-out', version: 1, context: 'checkout', occurredAt: '2026-11-21T09:30:00.000Z' },
      checkout: {
        buyerId: 'buyer-42',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' }, lineTotal: { amount: 2500, currency: 'EUR' } },
          { sku: 'TEA-EARL', quantity: 1, unitPrice: { amount: 899, currency: 'EUR' }, lineTotal: { amount: 899, currency: 'EUR' } },
        ],
        total: { amount: 3399, currency: 'EUR' },
        shippingAddress: { name: 'Ada Lovelace', line1: "12 St James's Square", line2: null, city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
        placedAt: '2026-11-21T09:30:00.000Z',
      },
    });
  });

  it('files a shipment under the order named in its data, not under its key', () => {
    const fact = toOrderFact({ wireType: 'fulfillment.shipment-created.v1', envelope: recordedExample(ShipmentCreatedV1) });

    expect(fact).toMatchObject({
      kind: 'shipment-created',
      orderId,
      shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      lines: [{ sku: 'MUG-BLUE', quantity: 2 }, { sku: 'TEA-EARL', quantity: 1 }],
      createdAt: '2026-11-21T09:30:00.120Z',
      source: { type: 'fulfillment.shipment-created', context: 'fulfillment' },
    });
  });

  it('turns deferred revenue into a ledger entry of the order', () => {
    const fact = toOrderFact({ wireType: 'finance.revenue-deferred.v1', envelope: recordedExample(RevenueDeferredV1) });

    expect(fact).toMatchObject({
      kind: 'revenue-deferred',
      orderId,
      entryId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
      amount: { amount: 3399, currency: 'EUR' },
      recordedAt: '2026-11-21T09:30:00.140Z',
    });
  });

  it('normalizes times sent with an offset to UTC, so the timeline sorts them correctly', () => {
    const example = recordedExample(RevenueDeferredV1);
    const envelope = { ...example, occurredAt: '2026-11-21T10:30:00.140+01:00', data: { ...example.data, recordedAt: '2026-11-21T10:30:00.140+01:00' } };

    const fact = toOrderFact({ wireType: 'finance.revenue-deferred.v1', envelope });

    expect(fact.source.occurredAt).toBe('2026-11-21T09:30:00.140Z');
    expect(fact).toMatchObject({ recordedAt: '2026-11-21T09:30:00.140Z' });
  });
});
