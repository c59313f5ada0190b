import { OrderId } from '@bazaar/checkout-domain';
import { IdempotencyKeys, IdempotencyRecord } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';

interface IdempotencyKeyRow {
  key: string;
  fingerprint: string;
  order_id: string;
}

/**
 * Claims keys with `ON CONFLICT DO NOTHING`: a concurrent claim of the same key blocks on the
 * primary key until the first transaction ends, then either finds the winner's committed row or,
 * if the winner rolled back, takes the key itself. No error aborts the caller's transaction.
 */
export class TypeOrmIdempotencyKeys extends IdempotencyKeys {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  claim(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    return this.transactions.run(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO idempotency_keys (key, fingerprint, order_id) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [record.key, record.fingerprint, record.orderId],
      )) as unknown[];
      if (inserted.length > 0) return record;
      const [holder] = (await manager.query('SELECT key, fingerprint, order_id FROM idempotency_keys WHERE key = $1', [
        record.key,
      ])) as IdempotencyKeyRow[];
      if (!holder) throw new Error(`Idempotency-Key ${record.key} conflicted but has no row`);
      return { key: holder.key, fingerprint: holder.fingerprint, orderId: holder.order_id as OrderId };
    });
  }
}
