import { OrderId } from '@bazaar/checkout-domain';

/** The caller's Idempotency-Key and a fingerprint (hash) of the request it came with. */
export interface IdempotentRequest {
  readonly key: string;
  readonly fingerprint: string;
}

/** Which order a key produced, and from which request. */
export interface IdempotencyRecord extends IdempotentRequest {
  readonly orderId: OrderId;
}

/** Remembers which order each Idempotency-Key produced, so a retried request does not place a second one. */
export abstract class IdempotencyKeys {
  /**
   * Records `record` unless its key is already taken, and returns the record that holds the key:
   * `record` itself, or the earlier one. Runs in the caller's unit of work; a concurrent claim of
   * the same key waits for the other one to commit or roll back.
   */
  abstract claim(record: IdempotencyRecord): Promise<IdempotencyRecord>;
}
