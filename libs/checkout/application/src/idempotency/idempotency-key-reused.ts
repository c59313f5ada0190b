import { DomainError } from '@bazaar/shared-kernel';

/** An Idempotency-Key names one request; sending it again with another body is a client mistake. */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency_key_reused';
  readonly kind = 'invalid' as const;

  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used for a different request; use a new key for a new request`);
  }
}
