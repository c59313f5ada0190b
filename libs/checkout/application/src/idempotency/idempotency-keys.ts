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

/** Remembers which order each Idempotency-Key produced, so a retried request does not place a second one. */
export abstract class IdempotencyKeys {
  /**
   * Records `record` unless its scope and key are already taken by a record that has not expired,
   * and returns the record that holds them: `record` itself, or the earlier one. Runs in the caller's unit of work; a concurrent claim of
   * the same key waits for the other one to commit or roll back.
   */
  abstract claim(record: IdempotencyRecord): Promise<IdempotencyRecord>;
}
