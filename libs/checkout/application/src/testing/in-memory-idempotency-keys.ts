import { IdempotencyKeys, IdempotencyRecord } from '../idempotency/idempotency-keys';
import { Transactional } from '@bazaar/shared-kernel/testing';

export class InMemoryIdempotencyKeys extends IdempotencyKeys implements Transactional {
  #records = new Map<string, IdempotencyRecord>();

  async claim(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const holder = this.#records.get(record.key);
    if (holder) return holder;
    this.#records.set(record.key, record);
    return record;
  }

  holderOf(key: string): IdempotencyRecord | undefined {
    return this.#records.get(key);
  }

  snapshot(): () => void {
    const records = new Map(this.#records);
    return () => {
      this.#records = records;
    };
  }
}
