import { DomainError } from '@bazaar/shared-kernel';

export class CaseOrderViewNotFound extends DomainError {
  readonly code = 'case_order_view_not_found';
  readonly kind = 'not_found' as const;

  constructor(orderId: string) {
    super(`Support knows no order ${orderId} (yet)`);
  }
}

/** A fact was routed to the view of another order: a translation bug, never retried. */
export class FactForAnotherOrder extends DomainError {
  readonly code = 'fact_for_another_order';
  readonly kind = 'invalid' as const;

  constructor(viewOrderId: string, factOrderId: string) {
    super(`A fact about order ${factOrderId} cannot be projected into the view of order ${viewOrderId}`);
  }
}
