import { Inject, Injectable } from '@nestjs/common';
import { PeriodicTasks } from '@bazaar/platform-service';
import { IdempotencyKeys } from '@bazaar/checkout-application';
import { TypeOrmIdempotencyKeys } from './typeorm-idempotency-keys';

export const IDEMPOTENCY_PURGE_INTERVAL = Symbol('IdempotencyPurgeInterval');
const BATCH = 1_000;

/**
 * Deletes expired Idempotency-Keys on an interval, a batch at a time until none is left, so the
 * table holds about one TTL's worth of keys. Every replica runs it; deleting is the same whoever does.
 */
@Injectable()
export class IdempotencyKeyPurge {
  constructor(
    @Inject(IdempotencyKeys) private readonly keys: TypeOrmIdempotencyKeys,
    @Inject(IDEMPOTENCY_PURGE_INTERVAL) intervalMs: number,
    tasks: PeriodicTasks,
  ) {
    // A full batch means more may have expired: the task runs the next one at once.
    tasks.every(intervalMs, 'idempotency key purge', async () => (await this.keys.purgeExpired(BATCH)) === BATCH);
  }
}
