import {
  CartCheckedOutV1,
  CartCheckedOutV2,
  EventContract,
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  InvoiceIssuedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV1,
  PaymentAuthorizedV2,
  PaymentFailedV1,
  RevenueDeferredV1,
  RevenueRecognizedV1,
  RevenueReversedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  ShipmentPackedV1,
  ShipmentPickedV1,
} from '@bazaar/published-language';
import { recordedExample } from '@bazaar/platform-testing';
import { toOrderFact } from './published-events-translation';
import { PublishedEvent } from './published-event';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const shipmentId = 'c0ffee00-1234-4abc-8def-0123456789ab';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** The producer's recorded example of a contract, as the consumer hands it to the translator. */
function recorded<T>(contract: EventContract<T>) {
  return { wireType: contract.wireType, envelope: recordedExample(contract) } as PublishedEvent;
}

describe('translating published events into order facts', () => {
  it('turns a checkout into the order placed, with its buyer, lines, totals and address', () => {
    expect(toOrderFact(recorded(CartCheckedOutV1))).toEqual({
      kind: 'order-placed',
      orderId,
      source: { eventId: '0b9f4a52-7c55-4f0e-9a3c-3d6f1f8f4a01', type: 'checkout.cart-checked-out', version: 1, context: 'checkout', occurredAt: '2026-11-21T09:30:00.000Z' },
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
    });
  });

  it('turns a sealed checkout (v2) into the order placed, the address kept sealed as received, never opened here', () => {
    const event = recorded(CartCheckedOutV2);
    const { sealedShippingAddress } = recordedExample(CartCheckedOutV2).data;

    expect(toOrderFact(event)).toEqual({
      kind: 'order-placed',
      orderId,
      source: { eventId: event.envelope.id, type: 'checkout.cart-checked-out', version: 2, context: 'checkout', occurredAt: '2026-11-21T09:30:00.000Z' },
      checkout: {
        buyerId: 'buyer-42',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) },
          { sku: 'TEA-EARL', quantity: 1, unitPrice: eur(899), lineTotal: eur(899) },
        ],
        total: eur(3399),
        shippingAddress: null,
        sealedShippingAddress: { keyId: sealedShippingAddress.keyId, ciphertext: sealedShippingAddress.ciphertext },
        placedAt: '2026-11-21T09:30:00.000Z',
      },
    });
  });

  it('translates an authorized payment of either version into the same fact (the address is the checkout’s business)', () => {
    const [v1, v2] = [toOrderFact(recorded(PaymentAuthorizedV1)), toOrderFact(recorded(PaymentAuthorizedV2))];

    expect({ ...v2, source: undefined }).toEqual({ ...v1, source: undefined });
    expect(v2.source.version).toBe(2);
  });

  /** Each contract but the checkout's, with the fact its recorded example becomes (besides its order and source). */
  const translations: [EventContract<unknown>, object][] = [
    [FraudReviewRequestedV1, { kind: 'fraud-review-requested', score: 100, reasons: ['large_order'], requestedAt: '2026-11-21T09:30:00.200Z' }],
    [FraudReviewDecidedV1, { kind: 'fraud-review-decided', decision: 'approved', decidedAt: '2026-11-21T10:05:00.000Z' }],
    [PaymentAuthorizedV1, { kind: 'payment-authorized', amount: eur(3399), authorizationReference: 'sandbox-auth-5d7c2f3e', authorizedAt: '2026-11-21T09:30:00.450Z' }],
    [PaymentFailedV1, { kind: 'payment-failed', reason: 'declined', failedAt: '2026-11-21T09:30:00.450Z' }],
    [OrderConfirmedV1, { kind: 'order-confirmed', confirmedAt: '2026-11-21T09:30:01.100Z' }],
    [
      OrderCancelledV1,
      {
        kind: 'order-cancelled',
        cancellation: { reason: 'out_of_stock', cancelledAt: '2026-11-21T09:31:00.000Z', paymentWasAuthorized: true, authorizationVoided: true },
      },
    ],
    [OrderCompletedV1, { kind: 'order-completed', completedAt: '2026-11-22T14:00:00.300Z' }],
    [
      InventoryReservedV1,
      {
        kind: 'stock-reserved',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2 },
          { sku: 'TEA-EARL', quantity: 1 },
        ],
        reservedAt: '2026-11-21T09:30:00.900Z',
      },
    ],
    [
      InventoryReservationFailedV1,
      { kind: 'stock-reservation-failed', unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'not_stocked' }], failedAt: '2026-11-21T09:30:00.900Z' },
    ],
    [
      ShipmentCreatedV1,
      {
        kind: 'shipment-created',
        shipmentId,
        lines: [
          { sku: 'MUG-BLUE', quantity: 2 },
          { sku: 'TEA-EARL', quantity: 1 },
        ],
        createdAt: '2026-11-21T09:30:00.120Z',
      },
    ],
    [ShipmentPickedV1, { kind: 'shipment-picked', shipmentId, pickedAt: '2026-11-22T09:15:00.000Z' }],
    [ShipmentPackedV1, { kind: 'shipment-packed', shipmentId, packedAt: '2026-11-22T11:40:00.000Z' }],
    [ShipmentDispatchedV1, { kind: 'shipment-dispatched', shipmentId, carrier: 'DHL', trackingNumber: 'JD014600006281234567', dispatchedAt: '2026-11-22T14:00:00.000Z' }],
    [ShipmentDeliveredV1, { kind: 'shipment-delivered', shipmentId, deliveredAt: '2026-11-23T16:20:00.000Z' }],
    [ShipmentCancelledV1, { kind: 'shipment-cancelled', shipmentId, cancelledAt: '2026-11-21T09:31:00.080Z' }],
    [RevenueDeferredV1, { kind: 'revenue-deferred', entryId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876', amount: eur(3399), recordedAt: '2026-11-21T09:30:00.140Z' }],
    [
      RevenueReversedV1,
      {
        kind: 'revenue-reversed',
        entryId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        reversesEntryId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        amount: eur(3399),
        recordedAt: '2026-11-21T09:31:00.090Z',
      },
    ],
    [
      RevenueRecognizedV1,
      {
        kind: 'revenue-recognized',
        entryId: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
        recognizesEntryId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        amount: eur(3399),
        recordedAt: '2026-11-22T14:00:00.150Z',
      },
    ],
    [
      InvoiceIssuedV1,
      {
        kind: 'invoice-issued',
        invoice: { invoiceId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', invoiceNumber: '2026-000042', total: eur(3399), issuedAt: '2026-11-22T14:00:00.150Z' },
      },
    ],
  ];

  it.each(translations.map(([contract, fact]) => [contract.wireType, contract, fact] as const))('translates %s into a fact of the order it names', (_wireType, contract, fact) => {
    const event = recorded(contract);

    expect(toOrderFact(event)).toEqual({
      ...fact,
      orderId,
      source: { eventId: event.envelope.id, type: contract.type, version: 1, context: contract.producer, occurredAt: event.envelope.occurredAt },
    });
  });

  it('files a shipment’s facts under the order named in their data, not under their key (the shipment)', () => {
    for (const contract of [ShipmentCreatedV1, ShipmentPickedV1, ShipmentPackedV1, ShipmentDispatchedV1, ShipmentDeliveredV1, ShipmentCancelledV1] as EventContract<unknown>[]) {
      const event = recorded(contract);
      expect(event.envelope.aggregateId).toBe(shipmentId);
      expect(toOrderFact(event).orderId).toBe(orderId);
    }
  });

  it('shows a reason not given by an older message as not known', () => {
    const example = recordedExample(InventoryReservationFailedV1);
    const envelope = { ...example, data: { ...example.data, unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0 }] } };

    expect(toOrderFact({ wireType: 'fulfillment.inventory-reservation-failed.v1', envelope })).toMatchObject({
      unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: null }],
    });
  });

  it('files an invoice under the order named in its data, not under its key (the invoice)', () => {
    const event = recorded(InvoiceIssuedV1 as EventContract<unknown>);

    expect(event.envelope.aggregateId).toBe('6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d');
    expect(toOrderFact(event).orderId).toBe(orderId);
  });

  it('normalizes times sent with an offset to UTC, so the timeline sorts them correctly', () => {
    const example = recordedExample(OrderCancelledV1);
    const envelope = { ...example, occurredAt: '2026-11-21T10:31:00.000+01:00', data: { ...example.data, cancelledAt: '2026-11-21T10:31:00.000+01:00' } };

    const fact = toOrderFact({ wireType: 'checkout.order-cancelled.v1', envelope });

    expect(fact.source.occurredAt).toBe('2026-11-21T09:31:00.000Z');
    expect(fact).toMatchObject({ cancellation: { cancelledAt: '2026-11-21T09:31:00.000Z' } });
  });
});
