import { OrderId } from '@bazaar/checkout-domain';

/**
 * The caller's Idempotency-Key and a fingerprint (hash) of the request it came with. Keys are the
 * caller's own: `scope` (who sent it) and `key` together name a request, so two callers choosing the
 * same key are two requests.
 */
export interface IdempotentRequest {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
}

/** Which order a key produced, and from which request. */
export interface IdempotencyRecord extends IdempotentRequest {
  readonly orderId: OrderId;
}

/** The unit of work claimed a key another request holds: nothing of it was written. */
export class IdempotencyKeyHeld extends Error {
  constructor(readonly request: IdempotentRequest) {
    super(`Idempotency-Key ${request.key} is held by another request`);
  }
}

/** Remembers which order each Idempotency-Key produced, so a retried request does not place a second one. */
export abstract class IdempotencyKeys {
  /**
   * Records `record` in the caller's unit of work, which then fails with IdempotencyKeyHeld —
   * writing nothing — when its scope and key are already taken by a record that has not expired:
   * at once, or (an adapter that writes at the end of the unit) as the unit ends. A concurrent
   * claim of the same key waits for the other one to commit or roll back.
   */
  abstract claim(record: IdempotencyRecord): Promise<void>;

  /** The record that holds the request's scope and key, if one does. */
  abstract holder(request: IdempotentRequest): Promise<IdempotencyRecord | undefined>;
}
