import { CartCheckedOutV1, EventEnvelope, RevenueDeferredV1, ShipmentCreatedV1 } from '@bazaar/published-language';

/** Every published event Support projects, parsed by its contract; one case per wire type. */
export type PublishedEvent =
  | { readonly wireType: 'checkout.cart-checked-out.v1'; readonly envelope: EventEnvelope<CartCheckedOutV1> }
  | { readonly wireType: 'fulfillment.shipment-created.v1'; readonly envelope: EventEnvelope<ShipmentCreatedV1> }
  | { readonly wireType: 'finance.revenue-deferred.v1'; readonly envelope: EventEnvelope<RevenueDeferredV1> };
