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
