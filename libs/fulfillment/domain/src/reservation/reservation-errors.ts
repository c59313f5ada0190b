import { DomainError } from '@bazaar/shared-kernel';

/** Only stock that is held can ship; anything else means the shipment and its reservation disagree. */
export class ReservationNotHeld extends DomainError {
  readonly code = 'reservation_not_held';
  readonly kind = 'conflict' as const;

  constructor(orderId: string, status: string) {
    super(`The reservation of order ${orderId} is ${status}: there is no held stock to ship`);
  }
}

/** Shipped units have left the warehouse: they cannot be released back to the shelf. */
export class ReservationAlreadyShipped extends DomainError {
  readonly code = 'reservation_already_shipped';
  readonly kind = 'conflict' as const;

  constructor(orderId: string) {
    super(`The reservation of order ${orderId} has shipped: it can no longer be released`);
  }
}
