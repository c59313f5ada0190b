import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JsonLogger, SERVICE_LOGGER } from '@bazaar/platform-service';
import { IdempotencyKeys } from '@bazaar/checkout-application';
import { TypeOrmIdempotencyKeys } from './typeorm-idempotency-keys';

export const IDEMPOTENCY_PURGE_INTERVAL = Symbol('IdempotencyPurgeInterval');
const BATCH = 1_000;

/**
 * Deletes expired Idempotency-Keys on an interval, a batch at a time until none is left, so the
 * table holds about one TTL's worth of keys. Every replica runs it; deleting is the same whoever does.
 */
@Injectable()
export class IdempotencyKeyPurge implements OnApplicationBootstrap, OnModuleDestroy {
  #timer: NodeJS.Timeout | undefined;
  #purge: Promise<void> | undefined;
  #stopped = false;

  constructor(
    @Inject(IdempotencyKeys) private readonly keys: TypeOrmIdempotencyKeys,
    @Inject(IDEMPOTENCY_PURGE_INTERVAL) private readonly intervalMs: number,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#purge;
  }

  private schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#purge = this.purgeAll()
        .catch((error: unknown) => this.logger.warn({ msg: 'idempotency key purge failed; next interval tries again', err: String(error) }))
        .finally(() => this.schedule());
    }, this.intervalMs);
  }

  private async purgeAll(): Promise<void> {
    let deleted = BATCH;
    while (deleted === BATCH && !this.#stopped) deleted = await this.keys.purgeExpired(BATCH);
  }
}
