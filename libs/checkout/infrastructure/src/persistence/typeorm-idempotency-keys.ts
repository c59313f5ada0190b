import { OrderId } from '@bazaar/checkout-domain';
import { IdempotencyKeys, IdempotencyRecord } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';

interface IdempotencyKeyRow {
  scope: string;
  key: string;
  fingerprint: string;
  order_id: string;
}

/**
 * Claims keys with `ON CONFLICT`: a concurrent claim of the same scope and key blocks on the
 * primary key until the first transaction ends, then either finds the winner's committed row or,
 * if the winner rolled back, takes the key itself. A row older than the TTL is expired: the claim
 * takes it over (a purge deletes such rows meanwhile). No error aborts the caller's transaction.
 */
export class TypeOrmIdempotencyKeys extends IdempotencyKeys {
  constructor(
    private readonly transactions: Transactions,
    private readonly ttlSeconds: number,
  ) {
    super();
  }

  claim(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    return this.transactions.run(async (manager) => {
      const claimed = (await manager.query(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, order_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, order_id = EXCLUDED.order_id, created_at = now()
           WHERE idempotency_keys.created_at < now() - make_interval(secs => $5)
         RETURNING key`,
        [record.scope, record.key, record.fingerprint, record.orderId, this.ttlSeconds],
      )) as unknown[];
      if (claimed.length > 0) return record;
      const [holder] = (await manager.query('SELECT scope, key, fingerprint, order_id FROM idempotency_keys WHERE scope = $1 AND key = $2', [
        record.scope,
        record.key,
      ])) as IdempotencyKeyRow[];
      if (!holder) throw new Error('An Idempotency-Key conflicted but has no row');
      return { scope: holder.scope, key: holder.key, fingerprint: holder.fingerprint, orderId: holder.order_id as OrderId };
    });
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
