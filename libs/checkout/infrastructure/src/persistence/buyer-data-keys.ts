import { ShippingAddress } from '@bazaar/checkout-domain';
import { KeyRing, openWith, sealWith } from '@bazaar/platform-service';
import { StatementBatch, Transactions, UnitMemo } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';

/**
 * A buyer's wrapped key (null: none stored) as another read of the same unit of work brought it
 * along (`readAlong`): placing an order reads the buyer's recent orders, then seals with their key.
 */
const keysReadAlong = new UnitMemo<string | null>('buyer keys read along');

/**
 * Buyers' data keys in `buyer_keys`, wrapped by the configured key ring, and what they seal: a
 * buyer's first order creates their key in its transaction; deleting the row erases them.
 */
export class BuyerDataKeys {
  /**
   * A read of the unit of work brought the buyer's wrapped key along (`wrapped_key` of
   * `buyer_keys`, null when there is none): `forNewOrder` in the same unit takes it instead of
   * reading it again. What it misses — a key a concurrent first order commits in between — the
   * closing statement's expected row count catches, as it does for a read of its own.
   */
  static readAlong(transactions: Transactions, buyerId: string, wrapped: string | null): void {
    transactions.remember(keysReadAlong, buyerId, wrapped);
  }

  /** New buyers' keys, inserted with the unit of work's closing statement. */
  readonly #created: StatementBatch<{ buyerId: string; wrapped: string }> = {
    statements: (keys) =>
      keys.map(({ buyerId, wrapped }) => ({
        text: 'INSERT INTO buyer_keys (buyer_id, wrapped_key, kek_id) VALUES ($1, $2, $3) ON CONFLICT (buyer_id) DO NOTHING RETURNING buyer_id',
        values: [buyerId, wrapped, this.ring.currentId],
        // A concurrent first order of the buyer committed its key first: what this one sealed does not open with it.
        expect: { rows: 1, otherwise: () => new ConcurrencyConflict('Buyer key', buyerId) },
      })),
  };

  constructor(private readonly ring: KeyRing) {}

  /**
   * The buyer's data key for sealing a new order's address in the caller's unit of work, without
   * writing before it ends: the key stored (a read), or a new one, inserted with the unit's closing
   * statement — which fails as a ConcurrencyConflict, writing nothing, should a concurrent first
   * order of the buyer have stored another first.
   */
  async forNewOrder(transactions: Transactions, buyerId: string): Promise<Buffer> {
    const readAlong = transactions.recall(keysReadAlong, buyerId);
    const wrapped = readAlong === undefined ? await this.stored(transactions, buyerId) : readAlong;
    if (wrapped !== null) return this.ring.unwrap(wrapped, buyerId);
    const fresh = this.ring.newDataKey(buyerId);
    await transactions.gather(this.#created, { buyerId, wrapped: fresh.wrapped });
    return fresh.dataKey;
  }

  private async stored(transactions: Transactions, buyerId: string): Promise<string | null> {
    const [row] = (await transactions.reader.query('SELECT wrapped_key FROM buyer_keys WHERE buyer_id = $1', [buyerId])) as { wrapped_key: string }[];
    return row?.wrapped_key ?? null;
  }

  /**
   * The buyer's data key, created in the caller's transaction if they have none (a concurrent first
   * order waits on the key). One statement inserts the new key or reads the one there. Its snapshot
   * predates the insert, so it reads only a key committed before it began: a key a concurrent first
   * order committed while this one waited is read by a second statement.
   */
  async forWriting(manager: EntityManager, buyerId: string): Promise<Buffer> {
    const fresh = this.ring.newDataKey(buyerId);
    const [found] = (await manager.query(
      `WITH created AS (
         INSERT INTO buyer_keys (buyer_id, wrapped_key, kek_id) VALUES ($1, $2, $3)
         ON CONFLICT (buyer_id) DO NOTHING RETURNING buyer_id)
       SELECT NULL AS wrapped_key FROM created
       UNION ALL
       SELECT wrapped_key FROM buyer_keys WHERE buyer_id = $1`,
      [buyerId, fresh.wrapped, this.ring.currentId],
    )) as { wrapped_key: string | null }[];
    if (found) return found.wrapped_key === null ? fresh.dataKey : this.ring.unwrap(found.wrapped_key, buyerId);
    const [row] = (await manager.query('SELECT wrapped_key FROM buyer_keys WHERE buyer_id = $1', [buyerId])) as { wrapped_key: string }[];
    if (!row) throw new Error(`buyer ${buyerId}'s data key conflicted but has no row`);
    return this.ring.unwrap(row.wrapped_key, buyerId);
  }

  /** The buyer's existing data key, for sealing what is published about their order; `undefined` once they were erased. */
  async existing(manager: EntityManager, buyerId: string): Promise<Buffer | undefined> {
    const [row] = (await manager.query('SELECT wrapped_key FROM buyer_keys WHERE buyer_id = $1', [buyerId])) as { wrapped_key: string }[];
    return row && this.ring.unwrap(row.wrapped_key, buyerId);
  }

  /** A wrapped key as read alongside the buyer's rows, opened; `undefined` when the buyer was erased. */
  unwrap(wrapped: string | null, buyerId: string): Buffer | undefined {
    return wrapped === null ? undefined : this.ring.unwrap(wrapped, buyerId);
  }
}

/** What an order's address is sealed for: this order of this buyer (a sealed address moved to another row does not open). */
const addressPurpose = (buyerId: string, orderId: string) => `shipping-address:${buyerId}:${orderId}`;

export function sealAddress(dataKey: Buffer, buyerId: string, orderId: string, address: ShippingAddress): string {
  const { name, line1, line2, city, postalCode, country } = address;
  return sealWith(dataKey, JSON.stringify({ name, line1, line2, city, postalCode, country }), addressPurpose(buyerId, orderId));
}

export function openAddress(dataKey: Buffer, buyerId: string, orderId: string, sealed: string): ShippingAddress {
  const { line2, ...rest } = JSON.parse(openWith(dataKey, sealed, addressPurpose(buyerId, orderId))) as ShippingAddress;
  return { ...rest, ...(line2 === undefined ? {} : { line2 }) };
}
