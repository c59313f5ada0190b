import { Money } from '@bazaar/shared-kernel';
import { CheckoutDetails } from './checkout-details';
import { ShipmentLine } from './shipments';
import { TimelineEntry } from './timeline';

/** Every fact says which order it is about and which published event it came from. */
interface FactOf<TKind extends string> {
  readonly kind: TKind;
  readonly orderId: string;
  readonly source: TimelineEntry;
}

/** Checkout created the order. */
export interface OrderPlaced extends FactOf<'order-placed'> {
  readonly checkout: CheckoutDetails;
}

/** Fulfillment created a shipment for the order. */
export interface ShipmentCreated extends FactOf<'shipment-created'> {
  readonly shipmentId: string;
  readonly lines: readonly ShipmentLine[];
  readonly createdAt: string;
}

/** Finance recorded a deferred revenue entry for the order. */
export interface RevenueDeferred extends FactOf<'revenue-deferred'> {
  readonly entryId: string;
  readonly amount: Money;
  readonly recordedAt: string;
}

/** What Support learns from the other contexts, in its own words; one case per published event. */
export type OrderFact = OrderPlaced | ShipmentCreated | RevenueDeferred;
