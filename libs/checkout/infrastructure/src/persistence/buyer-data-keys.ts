import { ShippingAddress } from '@bazaar/checkout-domain';
import { KeyRing, openWith, sealWith } from '@bazaar/platform-service';
import { EntityManager } from 'typeorm';

/**
 * Buyers' data keys in `buyer_keys`, wrapped by the configured key ring, and what they seal: a
 * buyer's first order creates their key in its transaction; deleting the row erases them.
 */
export class BuyerDataKeys {
  constructor(private readonly ring: KeyRing) {}

  /** The buyer's data key, created in the caller's transaction if they have none (a concurrent first order waits on the key). */
  async forWriting(manager: EntityManager, buyerId: string): Promise<Buffer> {
    const fresh = this.ring.newDataKey(buyerId);
    const inserted = (await manager.query(
      `INSERT INTO buyer_keys (buyer_id, wrapped_key, kek_id) VALUES ($1, $2, $3)
       ON CONFLICT (buyer_id) DO NOTHING RETURNING buyer_id`,
      [buyerId, fresh.wrapped, this.ring.currentId],
    )) as unknown[];
    if (inserted.length > 0) return fresh.dataKey;
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
