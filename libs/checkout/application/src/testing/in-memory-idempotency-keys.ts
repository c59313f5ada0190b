import { IdempotencyKeyHeld, IdempotencyKeys, IdempotencyRecord, IdempotentRequest } from '../idempotency/idempotency-keys';
import { Transactional } from '@bazaar/shared-kernel/testing';

export class InMemoryIdempotencyKeys extends IdempotencyKeys implements Transactional {
  #records = new Map<string, IdempotencyRecord>();

  async claim(record: IdempotencyRecord): Promise<void> {
    if (this.#records.has(idOf(record.scope, record.key))) throw new IdempotencyKeyHeld(record);
    this.#records.set(idOf(record.scope, record.key), record);
  }

  async holder(request: IdempotentRequest): Promise<IdempotencyRecord | undefined> {
    return this.#records.get(idOf(request.scope, request.key));
  }

  holderOf(key: string, scope = 'anonymous'): IdempotencyRecord | undefined {
    return this.#records.get(idOf(scope, key));
  }

  snapshot(): () => void {
    const records = new Map(this.#records);
    return () => {
      this.#records = records;
    };
  }
}

const idOf = (scope: string, key: string) => JSON.stringify([scope, key]);
