import { OrderId } from '@bazaar/checkout-domain';
import { IdempotencyKeyHeld, IdempotencyKeys, IdempotencyRecord, IdempotentRequest } from '@bazaar/checkout-application';
import { StatementBatch, Transactions } from '@bazaar/platform-database';

interface IdempotencyKeyRow {
  scope: string;
  key: string;
  fingerprint: string;
  order_id: string;
}

/**
 * Claims keys with `ON CONFLICT`, as part of the unit of work's closing statement: a concurrent
 * claim of the same scope and key blocks on the primary key until the first one's unit ends, then
 * either finds the winner's committed row — the claim writes no row, and the whole unit nothing
 * (IdempotencyKeyHeld) — or, if the winner rolled back, takes the key itself. A row older than
 * the TTL is expired: the claim takes it over (a purge deletes such rows meanwhile).
 */
export class TypeOrmIdempotencyKeys extends IdempotencyKeys {
  readonly #claims: StatementBatch<IdempotencyRecord> = {
    statements: (records) =>
      records.map((record) => ({
        text: `INSERT INTO idempotency_keys (scope, key, fingerprint, order_id) VALUES ($1, $2, $3, $4)
               ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, order_id = EXCLUDED.order_id, created_at = now()
                 WHERE idempotency_keys.created_at < now() - make_interval(secs => $5)
               RETURNING key`,
        values: [record.scope, record.key, record.fingerprint, record.orderId, this.ttlSeconds],
        expect: { rows: 1, otherwise: () => new IdempotencyKeyHeld(record) },
      })),
  };

  constructor(
    private readonly transactions: Transactions,
    private readonly ttlSeconds: number,
  ) {
    super();
  }

  claim(record: IdempotencyRecord): Promise<void> {
    return this.transactions.gather(this.#claims, record);
  }

  async holder(request: IdempotentRequest): Promise<IdempotencyRecord | undefined> {
    const [row] = (await this.transactions.reader.query('SELECT scope, key, fingerprint, order_id FROM idempotency_keys WHERE scope = $1 AND key = $2', [
      request.scope,
      request.key,
    ])) as IdempotencyKeyRow[];
    return row && { scope: row.scope, key: row.key, fingerprint: row.fingerprint, orderId: row.order_id as OrderId };
  }

  /** Deletes up to `limit` expired keys; answers how many went. */
  async purgeExpired(limit: number): Promise<number> {
    return this.transactions.run(async (manager) => {
      const deleted = (await manager.query(
        `DELETE FROM idempotency_keys WHERE ctid IN (
           SELECT ctid FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1) LIMIT $2
         ) RETURNING key`,
        [this.ttlSeconds, limit],
      )) as unknown[];
      return deleted.length;
    });
  }
}
