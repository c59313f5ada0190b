import { DomainError } from '@bazaar/shared-kernel';

/** A warehouse work package with nothing to pick makes no sense. */
export class ShipmentHasNoLines extends DomainError {
  readonly code = 'shipment_has_no_lines';
  readonly kind = 'invalid' as const;

  constructor(orderId: string) {
    super(`A shipment for order ${orderId} needs at least one line`);
  }
}

/** Every line names a SKU and a whole, positive number of units. */
export class ShipmentLineInvalid extends DomainError {
  readonly code = 'shipment_line_invalid';
  readonly kind = 'invalid' as const;

  constructor(sku: string, quantity: number) {
    super(`Shipment line "${sku}" × ${quantity} needs a SKU and a positive whole quantity`);
  }
}

/** One line per SKU, so a picker walks to each bin once. */
export class ShipmentSkuRepeated extends DomainError {
  readonly code = 'shipment_sku_repeated';
  readonly kind = 'invalid' as const;

  constructor(sku: string) {
    super(`SKU ${sku} appears on more than one shipment line`);
  }
}

/** A parcel that has left the warehouse cannot be called back by cancelling its shipment. */
export class ShipmentAlreadyDispatched extends DomainError {
  readonly code = 'shipment_already_dispatched';
  readonly kind = 'conflict' as const;

  constructor(shipmentId: string, status: string) {
    super(`Shipment ${shipmentId} is ${status}: it can no longer be cancelled`);
  }
}

/** A cancelled shipment is final: cancelling it again is a mistake of the caller's, not a no-op. */
export class ShipmentAlreadyCancelled extends DomainError {
  readonly code = 'shipment_already_cancelled';
  readonly kind = 'conflict' as const;

  constructor(shipmentId: string) {
    super(`Shipment ${shipmentId} is already cancelled`);
  }
}

/** No shipment has this id. */
export class ShipmentNotFound extends DomainError {
  readonly code = 'shipment_not_found';
  readonly kind = 'not_found' as const;

  constructor(shipmentId: string) {
    super(`There is no shipment ${shipmentId}`);
  }
}

/** Checkout confirmed an order Fulfillment holds no shipment for: its reservation came first, so this is news out of order. */
export class OrderHasNoShipment extends DomainError {
  readonly code = 'order_has_no_shipment';
  readonly kind = 'not_found' as const;

  constructor(orderId: string) {
    super(`Order ${orderId} has no shipment to release to the warehouse`);
  }
}

/** A step the shipment has already been through (or gone past): the warehouse does each once. */
export class ShipmentStepAlreadyDone extends DomainError {
  readonly code = 'shipment_step_already_done';
  readonly kind = 'conflict' as const;

  constructor(shipmentId: string, step: string, status: string) {
    super(`Shipment ${shipmentId} is ${status}: it cannot be ${step} again`);
  }
}

/** A step whose predecessor has not happened yet: picked before packed before dispatched before delivered. */
export class ShipmentStepSkipped extends DomainError {
  readonly code = 'shipment_step_skipped';
  readonly kind = 'conflict' as const;

  constructor(shipmentId: string, step: string, status: string, next: string) {
    super(`Shipment ${shipmentId} is ${status}: it must be ${next} before it can be ${step}`);
  }
}

/** A cancelled shipment takes no more warehouse steps. */
export class ShipmentIsCancelled extends DomainError {
  readonly code = 'shipment_cancelled';
  readonly kind = 'conflict' as const;

  constructor(shipmentId: string, step: string) {
    super(`Shipment ${shipmentId} is cancelled: it cannot be ${step}`);
  }
}

/** The warehouse starts on a shipment only once Checkout has confirmed its order (see Shipment.release). */
export class ShipmentNotReleased extends DomainError {
  readonly code = 'order_not_confirmed';
  readonly kind = 'conflict' as const;

  constructor(shipmentId: string, orderId: string) {
    super(`Shipment ${shipmentId} is not released to the warehouse yet: order ${orderId} is not confirmed`);
  }
}

/** A dispatch names the carrier and the tracking number it gave the parcel. */
export class DispatchDetailsInvalid extends DomainError {
  readonly code = 'dispatch_details_invalid';
  readonly kind = 'invalid' as const;

  constructor(shipmentId: string) {
    super(`Dispatching shipment ${shipmentId} needs a carrier and a tracking number`);
  }
}
