import { StatementBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { KeyRing, openWith } from '@bazaar/platform-service';
import { addressSchema, BuyerDataKeyV1, sealedAddressPurpose } from '@bazaar/published-language';
import { BuyerDataKeys } from '@bazaar/support-application';
import { AddressOpener } from '@bazaar/support-domain';

/** News of one buyer on `checkout.buyer-keys`: their new key, or null for the tombstone of their erasure. */
export interface BuyerKeyNews {
  readonly buyerId: string;
  readonly key: BuyerDataKeyV1 | null;
}

/**
 * `buyer_data_keys`: each buyer's data key as Checkout shared it, wrapped by the sharing key ring
 * (PERSONAL_DATA_SHARING_KEKS). Written in the caller's transaction; unwrapped only to read a view.
 */
export class TypeOrmBuyerDataKeys extends BuyerDataKeys {
  constructor(
    private readonly transactions: Transactions,
    private readonly sharing: KeyRing,
  ) {
    super();
  }

  /**
   * Applies the keys and tombstones of a run of `checkout.buyer-keys` with the unit of work's
   * closing statement (`Transactions.gather`): only the last news of each buyer in the unit matters
   * (a key replaces the earlier one, a tombstone deletes it, and the topic is ordered per buyer), so
   * the unit's news are folded to that first, then written as one upsert and one delete.
   */
  apply(news: readonly BuyerKeyNews[]): Promise<void> {
    return this.transactions.run(async () => {
      for (const item of news) await this.transactions.gather(this.#news, item);
    });
  }

  readonly #news: StatementBatch<BuyerKeyNews> = {
    statements: (news) => {
      const latest = new Map(news.map((item) => [item.buyerId, item.key]));
      const stored = [...latest.values()].filter((key): key is BuyerDataKeyV1 => key !== null);
      const erased = [...latest].filter(([, key]) => key === null).map(([buyerId]) => buyerId);
      const statements: WriteStatement[] = [];
      if (stored.length > 0) {
        statements.push({
          text: `INSERT INTO buyer_data_keys (buyer_id, key_id, wrapped_key)
                 SELECT buyer_id, key_id, wrapped_key FROM unnest($1::text[], $2::text[], $3::text[]) AS k (buyer_id, key_id, wrapped_key)
                 ON CONFLICT (buyer_id) DO UPDATE SET key_id = EXCLUDED.key_id, wrapped_key = EXCLUDED.wrapped_key, received_at = now()`,
          values: [stored.map((key) => key.buyerId), stored.map((key) => key.keyId), stored.map((key) => key.wrappedKey)],
        });
      }
      if (erased.length > 0) statements.push({ text: 'DELETE FROM buyer_data_keys WHERE buyer_id = ANY($1::text[])', values: [erased] });
      return statements;
    },
  };

  /**
   * The erasure event: the key that sealed any of the erased orders' addresses goes. Only that one:
   * the buyer's next order after the erasure has a new key, which may already be here (the event and
   * the keys travel on different topics).
   */
  async forgetErased(buyerId: string, orderIds: readonly string[]): Promise<void> {
    await this.transactions.manager.query(
      `DELETE FROM buyer_data_keys k WHERE k.buyer_id = $1 AND EXISTS (
         SELECT 1 FROM case_order_views v
          WHERE v.order_id = ANY($2::uuid[]) AND v.view -> 'checkout' -> 'sealedShippingAddress' ->> 'keyId' = k.key_id)`,
      [buyerId, [...orderIds]],
    );
  }

  async openerFor(buyerId: string): Promise<AddressOpener> {
    const [row] = (await this.transactions.manager.query('SELECT key_id, wrapped_key FROM buyer_data_keys WHERE buyer_id = $1', [buyerId])) as {
      key_id: string;
      wrapped_key: string;
    }[];
    if (!row) return () => undefined;
    const dataKey = this.sharing.unwrap(row.wrapped_key, buyerId);
    return (owner, orderId, sealed) => {
      // Another key (an address sealed before an erasure and a new order) opens nothing.
      if (owner !== buyerId || sealed.keyId !== row.key_id) return undefined;
      const { line2, ...address } = addressSchema.parse(JSON.parse(openWith(dataKey, sealed.ciphertext, sealedAddressPurpose(buyerId, orderId))));
      return { ...address, line2: line2 ?? null };
    };
  }
}
