import { IdempotencyKeys, IdempotencyRecord } from '../idempotency/idempotency-keys';
import { Transactional } from '@bazaar/shared-kernel/testing';

export class InMemoryIdempotencyKeys extends IdempotencyKeys implements Transactional {
  #records = new Map<string, IdempotencyRecord>();

  async claim(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const holder = this.#records.get(idOf(record.scope, record.key));
    if (holder) return holder;
    this.#records.set(idOf(record.scope, record.key), record);
    return record;
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
