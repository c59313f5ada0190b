import { OrderId } from '@bazaar/checkout-domain';
import { UnitOfWork } from '../ports/unit-of-work';
import { IdempotencyKeyReused } from './idempotency-key-reused';
import { IdempotencyKeys, IdempotencyRecord, IdempotentRequest } from './idempotency-keys';

/**
 * Placing an order (`OrderPlacement`) at most once per Idempotency-Key:
 * claims the key for `orderId`, then runs `place`, both in one unit of work, so a refused placement
 * gives the key back. A repeat with the same key answers the first order; with another body, 422.
 */
export class OncePerKey {
  constructor(
    private readonly keys: IdempotencyKeys,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  place(orderId: OrderId, idempotency: IdempotentRequest | undefined, place: () => Promise<void>): Promise<OrderId> {
    return this.unitOfWork.run(async () => {
      // Claiming the key first, in the same unit of work, is what makes a concurrent twin wait and lose.
      if (idempotency) {
        const holder = await this.keys.claim({ ...idempotency, orderId });
        if (holder.orderId !== orderId) return replay(holder, idempotency);
      }
      await place();
      return orderId;
    });
  }
}

function replay(holder: IdempotencyRecord, request: IdempotentRequest): OrderId {
  if (holder.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused(request.key);
  return holder.orderId;
}
