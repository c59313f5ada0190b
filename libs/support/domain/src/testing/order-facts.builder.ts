import {
  PersonalDataErased,
  FraudReviewDecided,
  InvoiceIssued,
  FraudReviewRequested,
  OrderCancelled,
  OrderCompleted,
  OrderConfirmed,
  OrderPlaced,
  PaymentAuthorized,
  PaymentFailed,
  RevenueDeferred,
  RevenueRecognized,
  RevenueReversed,
  ShipmentCancelled,
  ShipmentCreated,
  ShipmentDelivered,
  ShipmentDispatched,
  ShipmentPacked,
  ShipmentPicked,
  StockReservationFailed,
  StockReserved,
} from '../case-order-view/order-facts';
import { Cancellation } from '../case-order-view/order-status';

interface SourceOverrides {
  readonly eventId?: string;
  readonly occurredAt?: string;
}

type ShipmentOverrides = SourceOverrides & { readonly shipmentId?: string };

/**
 * Test data: facts about one order, with the values of the recorded examples unless overridden.
 * A fact's own time is its event's `occurredAt`; the defaults follow one order's life (reviewed,
 * paid, reserved, picked, packed, shipped, delivered) in time, and its cancellation after payment.
 */
export function factsAbout(orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f') {
  const about = <K extends string>(kind: K, type: string, eventId: string, occurredAt: string) => ({
    kind,
    orderId,
    source: { eventId, type, version: 1, context: type.slice(0, type.indexOf('.')), occurredAt },
  });

  return {
    orderPlaced: (o: SourceOverrides = {}): OrderPlaced => ({
      ...about('order-placed', 'checkout.cart-checked-out', o.eventId ?? 'evt-checkout', o.occurredAt ?? '2026-11-21T09:30:00.000Z'),
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

    /** As `checkout.cart-checked-out.v2` tells it: the address sealed (`sealed-<orderId>` with key `key-1` unless overridden). */
    orderPlacedSealed: (o: SourceOverrides & { readonly keyId?: string; readonly ciphertext?: string } = {}): OrderPlaced => ({
      ...about('order-placed', 'checkout.cart-checked-out', o.eventId ?? 'evt-checkout', o.occurredAt ?? '2026-11-21T09:30:00.000Z'),
      source: { eventId: o.eventId ?? 'evt-checkout', type: 'checkout.cart-checked-out', version: 2, context: 'checkout', occurredAt: o.occurredAt ?? '2026-11-21T09:30:00.000Z' },
      checkout: {
        buyerId: 'buyer-42',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) },
          { sku: 'TEA-EARL', quantity: 1, unitPrice: eur(899), lineTotal: eur(899) },
        ],
        total: eur(3399),
        shippingAddress: null,
        sealedShippingAddress: { keyId: o.keyId ?? 'key-1', ciphertext: o.ciphertext ?? `sealed-${orderId}` },
        placedAt: '2026-11-21T09:30:00.000Z',
      },
    }),

    fraudReviewRequested: (o: SourceOverrides = {}): FraudReviewRequested => {
      const at = o.occurredAt ?? '2026-11-21T09:30:00.200Z';
      return {
        ...about('fraud-review-requested', 'checkout.fraud-review-requested', o.eventId ?? 'evt-review-requested', at),
        score: 100,
        reasons: ['large_order'],
        requestedAt: at,
      };
    },

    fraudReviewDecided: (o: SourceOverrides & { decision?: 'approved' | 'rejected' } = {}): FraudReviewDecided => {
      const at = o.occurredAt ?? '2026-11-21T10:05:00.000Z';
      return { ...about('fraud-review-decided', 'checkout.fraud-review-decided', o.eventId ?? 'evt-review-decided', at), decision: o.decision ?? 'approved', decidedAt: at };
    },

    paymentAuthorized: (o: SourceOverrides = {}): PaymentAuthorized => {
      const at = o.occurredAt ?? '2026-11-21T10:05:00.450Z';
      return {
        ...about('payment-authorized', 'checkout.payment-authorized', o.eventId ?? 'evt-payment', at),
        amount: eur(3399),
        authorizationReference: 'sandbox-auth-5d7c2f3e',
        authorizedAt: at,
      };
    },

    paymentFailed: (o: SourceOverrides = {}): PaymentFailed => {
      const at = o.occurredAt ?? '2026-11-21T09:30:00.450Z';
      return { ...about('payment-failed', 'checkout.payment-failed', o.eventId ?? 'evt-payment-failed', at), reason: 'declined', failedAt: at };
    },

    stockReserved: (o: SourceOverrides = {}): StockReserved => {
      const at = o.occurredAt ?? '2026-11-21T10:05:00.900Z';
      return { ...about('stock-reserved', 'fulfillment.inventory-reserved', o.eventId ?? 'evt-reserved', at), lines: shipmentLines, reservedAt: at };
    },

    stockReservationFailed: (o: SourceOverrides = {}): StockReservationFailed => {
      const at = o.occurredAt ?? '2026-11-21T10:05:00.900Z';
      return {
        ...about('stock-reservation-failed', 'fulfillment.inventory-reservation-failed', o.eventId ?? 'evt-reservation-failed', at),
        unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'not_stocked' }],
        failedAt: at,
      };
    },

    orderConfirmed: (o: SourceOverrides = {}): OrderConfirmed => {
      const at = o.occurredAt ?? '2026-11-21T10:05:01.100Z';
      return { ...about('order-confirmed', 'checkout.order-confirmed', o.eventId ?? 'evt-confirmed', at), confirmedAt: at };
    },

    shipmentCreated: (o: ShipmentOverrides = {}): ShipmentCreated => {
      const at = o.occurredAt ?? '2026-11-21T10:05:01.200Z';
      return {
        ...about('shipment-created', 'fulfillment.shipment-created', o.eventId ?? 'evt-shipment', at),
        shipmentId: o.shipmentId ?? 'shp-1',
        lines: shipmentLines,
        createdAt: at,
      };
    },

    shipmentPicked: (o: ShipmentOverrides = {}): ShipmentPicked => {
      const at = o.occurredAt ?? '2026-11-22T09:15:00.000Z';
      return { ...about('shipment-picked', 'fulfillment.shipment-picked', o.eventId ?? 'evt-picked', at), shipmentId: o.shipmentId ?? 'shp-1', pickedAt: at };
    },

    shipmentPacked: (o: ShipmentOverrides = {}): ShipmentPacked => {
      const at = o.occurredAt ?? '2026-11-22T11:40:00.000Z';
      return { ...about('shipment-packed', 'fulfillment.shipment-packed', o.eventId ?? 'evt-packed', at), shipmentId: o.shipmentId ?? 'shp-1', packedAt: at };
    },

    shipmentDelivered: (o: ShipmentOverrides = {}): ShipmentDelivered => {
      const at = o.occurredAt ?? '2026-11-23T16:20:00.000Z';
      return { ...about('shipment-delivered', 'fulfillment.shipment-delivered', o.eventId ?? 'evt-delivered', at), shipmentId: o.shipmentId ?? 'shp-1', deliveredAt: at };
    },

    shipmentDispatched: (o: ShipmentOverrides = {}): ShipmentDispatched => {
      const at = o.occurredAt ?? '2026-11-22T14:00:00.000Z';
      return {
        ...about('shipment-dispatched', 'fulfillment.shipment-dispatched', o.eventId ?? 'evt-dispatched', at),
        shipmentId: o.shipmentId ?? 'shp-1',
        carrier: 'DHL',
        trackingNumber: 'JD014600006281234567',
        dispatchedAt: at,
      };
    },

    shipmentCancelled: (o: ShipmentOverrides = {}): ShipmentCancelled => {
      const at = o.occurredAt ?? '2026-11-21T11:00:00.080Z';
      return { ...about('shipment-cancelled', 'fulfillment.shipment-cancelled', o.eventId ?? 'evt-shipment-cancelled', at), shipmentId: o.shipmentId ?? 'shp-1', cancelledAt: at };
    },

    personalDataErased: (o: SourceOverrides = {}): PersonalDataErased => {
      const at = o.occurredAt ?? '2026-12-01T10:00:00.000Z';
      return { ...about('personal-data-erased', 'checkout.buyer-personal-data-erased', o.eventId ?? 'evt-erased', at), erasedAt: at };
    },

    orderCompleted: (o: SourceOverrides = {}): OrderCompleted => {
      const at = o.occurredAt ?? '2026-11-22T14:00:00.300Z';
      return { ...about('order-completed', 'checkout.order-completed', o.eventId ?? 'evt-completed', at), completedAt: at };
    },

    /** A buyer's cancellation after payment unless told otherwise; the authorization is voided when there was one. */
    orderCancelled: (o: SourceOverrides & Partial<Omit<Cancellation, 'cancelledAt'>> = {}): OrderCancelled => {
      const at = o.occurredAt ?? '2026-11-21T11:00:00.000Z';
      const paymentWasAuthorized = o.paymentWasAuthorized ?? true;
      return {
        ...about('order-cancelled', 'checkout.order-cancelled', o.eventId ?? 'evt-cancelled', at),
        cancellation: { reason: o.reason ?? 'buyer_cancelled', cancelledAt: at, paymentWasAuthorized, authorizationVoided: o.authorizationVoided ?? paymentWasAuthorized },
      };
    },

    revenueDeferred: (o: SourceOverrides & { entryId?: string } = {}): RevenueDeferred => {
      const at = o.occurredAt ?? '2026-11-21T10:05:00.600Z';
      return { ...about('revenue-deferred', 'finance.revenue-deferred', o.eventId ?? 'evt-revenue', at), entryId: o.entryId ?? 'rev-1', amount: eur(3399), recordedAt: at };
    },

    revenueRecognized: (o: SourceOverrides & { entryId?: string; recognizesEntryId?: string } = {}): RevenueRecognized => {
      const at = o.occurredAt ?? '2026-11-22T14:00:00.150Z';
      return {
        ...about('revenue-recognized', 'finance.revenue-recognized', o.eventId ?? 'evt-recognition', at),
        entryId: o.entryId ?? 'rev-3',
        recognizesEntryId: o.recognizesEntryId ?? 'rev-1',
        amount: eur(3399),
        recordedAt: at,
      };
    },

    invoiceIssued: (o: SourceOverrides & { invoiceId?: string; invoiceNumber?: string } = {}): InvoiceIssued => {
      const at = o.occurredAt ?? '2026-11-22T14:00:00.150Z';
      return {
        ...about('invoice-issued', 'finance.invoice-issued', o.eventId ?? 'evt-invoice', at),
        invoice: { invoiceId: o.invoiceId ?? 'inv-1', invoiceNumber: o.invoiceNumber ?? '2026-000042', total: eur(3399), issuedAt: at },
      };
    },

    revenueReversed: (o: SourceOverrides & { entryId?: string; reversesEntryId?: string } = {}): RevenueReversed => {
      const at = o.occurredAt ?? '2026-11-21T11:00:00.090Z';
      return {
        ...about('revenue-reversed', 'finance.revenue-reversed', o.eventId ?? 'evt-reversal', at),
        entryId: o.entryId ?? 'rev-2',
        reversesEntryId: o.reversesEntryId ?? 'rev-1',
        amount: eur(3399),
        recordedAt: at,
      };
    },
  };
}

const shipmentLines = [
  { sku: 'MUG-BLUE', quantity: 2 },
  { sku: 'TEA-EARL', quantity: 1 },
];

function eur(amount: number) {
  return { amount, currency: 'EUR' };
}
