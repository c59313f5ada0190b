import { BuyerErasure, BuyerPersonalData } from '@bazaar/checkout-application';
import { OrderStatus } from '@bazaar/checkout-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { BuyerDataKeyV1, BuyerPersonalDataErasedV1, CartCheckedOutV1, PaymentAuthorizedV1 } from '@bazaar/published-language';

/** The outbox messages that carried the address in plaintext. */
const addressCarryingTypes = [CartCheckedOutV1.wireType, PaymentAuthorizedV1.wireType];

/**
 * Erasure in PostgreSQL, in the caller's transaction: the buyer's key row goes (every sealed
 * address is then unreadable), plaintext left from before sealing is nulled, the outbox messages
 * that carried it in plaintext (v1) are deleted, `checkout.buyer-personal-data-erased.v1` is
 * appended, and a tombstone for the buyer on `checkout.buyer-keys` deletes the key Support holds and,
 * once compacted, every copy of it on the topic.
 */
export class TypeOrmBuyerPersonalData extends BuyerPersonalData {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  /** Locks the buyer's key row first, so a concurrent erasure of the same buyer waits and then finds nothing to do. */
  async ordersOf(buyerId: string): Promise<readonly { orderId: string; status: OrderStatus }[]> {
    return this.transactions.run(async (manager) => {
      await manager.query('SELECT buyer_id FROM buyer_keys WHERE buyer_id = $1 FOR UPDATE', [buyerId]);
      const rows = (await manager.query('SELECT id, status FROM orders WHERE buyer_id = $1 ORDER BY placed_at, id', [buyerId])) as {
        id: string;
        status: OrderStatus;
      }[];
      return rows.map((row) => ({ orderId: row.id, status: row.status }));
    });
  }

  erase({ buyerId, orderIds, erasedAt }: BuyerErasure): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const [, deleted] = (await manager.query('DELETE FROM buyer_keys WHERE buyer_id = $1', [buyerId])) as [unknown, number];
      const [, cleared] = (await manager.query(
        `UPDATE orders SET ship_sealed = NULL, ship_name = NULL, ship_line1 = NULL, ship_line2 = NULL, ship_city = NULL,
           ship_postal_code = NULL, ship_country = NULL
         WHERE buyer_id = $1 AND (ship_sealed IS NOT NULL OR ship_name IS NOT NULL)`,
        [buyerId],
      )) as [unknown, number];
      await manager.query('DELETE FROM outbox WHERE message_key = ANY($1::text[]) AND event_type = ANY($2::text[])', [[...orderIds], addressCarryingTypes]);
      if (deleted === 0 && cleared === 0) return false;
      await this.outbox.append(manager, [
        {
          contract: BuyerPersonalDataErasedV1,
          aggregateId: buyerId,
          occurredAt: erasedAt,
          data: { buyerId, orderIds: [...orderIds], erasedAt: erasedAt.toISOString() },
        },
      ]);
      await this.outbox.appendTombstone(manager, { contract: BuyerDataKeyV1, aggregateId: buyerId, occurredAt: erasedAt });
      return true;
    });
  }
}
