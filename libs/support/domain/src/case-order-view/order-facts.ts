import { Money } from '@bazaar/shared-kernel';
import { CheckoutDetails } from './checkout-details';
import { InvoiceSummary } from './invoices';
import { FraudReviewDecision, FraudReviewRequest } from './fraud-review';
import { Cancellation } from './order-status';
import { PaymentAuthorization } from './payment';
import { ReservedLine, UnavailableLine } from './reservation';
import { ShipmentLine } from './shipments';
import { TimelineEntry } from './timeline';

/** Every fact says which order it is about and which published event it came from. */
interface FactOf<TKind extends string> {
  readonly kind: TKind;
  readonly orderId: string;
  readonly source: TimelineEntry;
}

// Checkout: the order's own life.

/** Checkout created the order. */
export interface OrderPlaced extends FactOf<'order-placed'> {
  readonly checkout: CheckoutDetails;
}

/** Fraud screening sent the order to a risk analyst. */
export interface FraudReviewRequested extends FactOf<'fraud-review-requested'>, FraudReviewRequest {}

/** The risk analyst decided the review. */
export interface FraudReviewDecided extends FactOf<'fraud-review-decided'>, FraudReviewDecision {}

/** The gateway authorized (held) the order's total. */
export interface PaymentAuthorized extends FactOf<'payment-authorized'>, PaymentAuthorization {}

/** The gateway declined the payment. */
export interface PaymentFailed extends FactOf<'payment-failed'> {
  readonly reason: string;
  readonly failedAt: string;
}

/** Paid and reserved: the order will be shipped. */
export interface OrderConfirmed extends FactOf<'order-confirmed'> {
  readonly confirmedAt: string;
}

/** Checkout cancelled the order for good. */
export interface OrderCancelled extends FactOf<'order-cancelled'> {
  readonly cancellation: Cancellation;
}

/** The parcel left: Checkout's part is done. */
export interface OrderCompleted extends FactOf<'order-completed'> {
  readonly completedAt: string;
}

/** Checkout erased the personal data of the order's buyer. */
export interface PersonalDataErased extends FactOf<'personal-data-erased'> {
  readonly erasedAt: string;
}

// Fulfillment: stock and shipments.

/** Stock is held for every line of the order. */
export interface StockReserved extends FactOf<'stock-reserved'> {
  readonly lines: readonly ReservedLine[];
  readonly reservedAt: string;
}

/** Stock could not be reserved; nothing is held. */
export interface StockReservationFailed extends FactOf<'stock-reservation-failed'> {
  readonly unavailable: readonly UnavailableLine[];
  readonly failedAt: string;
}

/** The warehouse has a shipment for the order. */
export interface ShipmentCreated extends FactOf<'shipment-created'> {
  readonly shipmentId: string;
  readonly lines: readonly ShipmentLine[];
  readonly createdAt: string;
}

/** The warehouse picked every line of the shipment. */
export interface ShipmentPicked extends FactOf<'shipment-picked'> {
  readonly shipmentId: string;
  readonly pickedAt: string;
}

/** The parcel is packed, waiting for its carrier. */
export interface ShipmentPacked extends FactOf<'shipment-packed'> {
  readonly shipmentId: string;
  readonly packedAt: string;
}

/** The parcel left with a carrier. */
export interface ShipmentDispatched extends FactOf<'shipment-dispatched'> {
  readonly shipmentId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly dispatchedAt: string;
}

/** The carrier delivered the parcel. */
export interface ShipmentDelivered extends FactOf<'shipment-delivered'> {
  readonly shipmentId: string;
  readonly deliveredAt: string;
}

/** The shipment was dropped before dispatch. */
export interface ShipmentCancelled extends FactOf<'shipment-cancelled'> {
  readonly shipmentId: string;
  readonly cancelledAt: string;
}

// Finance: the order's ledger.

/** Finance recorded a deferred revenue entry for the order. */
export interface RevenueDeferred extends FactOf<'revenue-deferred'> {
  readonly entryId: string;
  readonly amount: Money;
  readonly recordedAt: string;
}

/** Finance recognized the order's deferred revenue: its shipment was dispatched. */
export interface RevenueRecognized extends FactOf<'revenue-recognized'> {
  readonly entryId: string;
  readonly recognizesEntryId: string;
  readonly amount: Money;
  readonly recordedAt: string;
}

/** Finance recorded the balanced reversal of the order's deferred revenue. */
export interface RevenueReversed extends FactOf<'revenue-reversed'> {
  readonly entryId: string;
  readonly reversesEntryId: string;
  readonly amount: Money;
  readonly recordedAt: string;
}

/** Finance issued the order's invoice to its buyer. */
export interface InvoiceIssued extends FactOf<'invoice-issued'> {
  readonly invoice: InvoiceSummary;
}

/** What Support learns from the other contexts, in its own words; one case per published event. */
export type OrderFact =
  | OrderPlaced
  | FraudReviewRequested
  | FraudReviewDecided
  | PaymentAuthorized
  | PaymentFailed
  | OrderConfirmed
  | OrderCancelled
  | OrderCompleted
  | PersonalDataErased
  | StockReserved
  | StockReservationFailed
  | ShipmentCreated
  | ShipmentPicked
  | ShipmentPacked
  | ShipmentDispatched
  | ShipmentDelivered
  | ShipmentCancelled
  | RevenueDeferred
  | RevenueRecognized
  | RevenueReversed
  | InvoiceIssued;
