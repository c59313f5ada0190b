import { DomainError } from '@bazaar/shared-kernel';
import { OrderProcessStep } from './order-process-step';

/**
 * News that cannot happen in the process's step (inventory reserved for an order never authorized,
 * say). Refused rather than ignored, so a person looks at it (a consumer dead-letters it).
 */
export class UnexpectedProcessInput extends DomainError {
  readonly code = 'unexpected_order_process_input';
  readonly kind = 'conflict' as const;

  constructor(orderId: string, step: OrderProcessStep, input: string) {
    super(`The process of order ${orderId} is ${step} and cannot take ${input}`);
  }
}

/** A parcel left for an order Checkout had already cancelled: goods and money now disagree. */
export class DispatchedAfterCancellation extends DomainError {
  readonly code = 'dispatched_after_cancellation';
  readonly kind = 'conflict' as const;

  constructor(orderId: string) {
    super(`Order ${orderId} was dispatched after it had been cancelled`);
  }
}
