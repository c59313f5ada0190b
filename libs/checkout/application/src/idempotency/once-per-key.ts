import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { OrderId } from '@bazaar/checkout-domain';
import { UnitOfWork } from '../ports/unit-of-work';
import { IdempotencyKeyReused } from './idempotency-key-reused';
import { IdempotencyKeyHeld, IdempotencyKeys, IdempotencyRecord, IdempotentRequest } from './idempotency-keys';

/**
 * Placing an order (`OrderPlacement`) at most once per Idempotency-Key:
 * claims the key for `orderId` and runs `place` in one unit of work, so a refused placement
 * gives the key back. A repeat with the same key answers the first order; with another body, 422.
 */
export class OncePerKey {
  constructor(
    private readonly keys: IdempotencyKeys,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async place(orderId: OrderId, idempotency: IdempotentRequest | undefined, place: () => Promise<void>): Promise<OrderId> {
    try {
      return await this.unitOfWork.run(async () => {
        // In the same unit of work as the placement: a concurrent twin waits for it and loses.
        if (idempotency) await this.keys.claim({ ...idempotency, orderId });
        await place();
        return orderId;
      });
    } catch (error) {
      if (!idempotency) throw error;
      // The key decides first: a repeat of a request that placed an order answers that order,
      // whatever placing again ran into (a key held, a cart already checked out by the first).
      const holder = await this.keys.holder(idempotency);
      if (holder) return replay(holder, idempotency);
      // Held a moment ago and gone now (expired and purged in between): a conflict to try again.
      if (error instanceof IdempotencyKeyHeld) throw new ConcurrencyConflict('IdempotencyKey', idempotency.key);
      throw error;
    }
  }
}

function replay(holder: IdempotencyRecord, request: IdempotentRequest): OrderId {
  if (holder.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused(request.key);
  return holder.orderId;
}
