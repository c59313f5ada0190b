import { Order, OrderId, Orders, ShippingAddressErased } from '@bazaar/checkout-domain';
import { KeyRing } from '@bazaar/platform-service';
import { Batch, isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox, OutboxEntry } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { publishedEventsOf } from '../acl/published-order-events';
import { PublishedPersonalData } from '../acl/sealed-address';
import { BuyerDataKeys, sealAddress } from './buyer-data-keys';
import { lifecycleColumns, lifecycleColumnTypes, lifecycleValues } from './order-lifecycle.rows';
import { lineArrays, orderColumns, OrderLineRow, OrderRow, orderValues, toOrder } from './order.rows';

/** `o.id, o.buyer_id, …`: what a load reads. */
const selectedColumns = orderColumns.map((column) => `o.${column}`).join(', ');
/** `status = $3, fraud_score = $4, …`: the UPDATE's assignments, after the id and the loaded version. */
const assignments = lifecycleColumns.map((column, i) => `${column} = $${i + 3}`).join(', ');
/** A multi-row update's assignments, from the rows of `jsonb_to_recordset` (`v`). */
const setFromRows = lifecycleColumns.map((column) => `${column} = v.${column}`).join(', ');
const rowColumns = lifecycleColumns.map((column) => `${column} ${lifecycleColumnTypes[column]}`).join(', ');

/** The order events whose published form carries the (sealed) address. */
const carriesAddress = new Set(['OrderPlaced', 'PaymentAuthorized']);

/**
 * Orders in PostgreSQL: the row, its lines and its outbox messages commit together (the outbox
 * rows of a transaction's orders in one INSERT as it commits). What is
 * published about the order seals its address with the buyer's data key, shared with readers
 * wrapped by `sharing` (PERSONAL_DATA_SHARING_KEKS).
 */
export class TypeOrmOrders extends Orders {
  /**
   * The buyer's data key as read with each loaded order: saving that order seals what it publishes
   * with it, instead of reading the key again in the saving transaction.
   */
  readonly #loadedKeys = new WeakMap<Order, Buffer>();
  /**
   * The outbox rows of every order saved in a transaction, written in one statement just before it
   * commits: a consumer's transaction confirming a run of orders writes one INSERT, not one each.
   */
  readonly #published: Batch<OutboxEntry[]> = { flush: (entries) => this.outbox.appendEntries(this.transactions.manager, entries.flat()) };

  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly keys: BuyerDataKeys,
    private readonly sharing: KeyRing,
  ) {
    super();
  }

  /** The row, its lines and the buyer's wrapped key in one round trip (lines as JSON, amounts as text like a bigint column). */
  async byId(id: OrderId): Promise<Order | undefined> {
    const [order] = await this.byIds([id]);
    return order;
  }

  /** Many orders as `byId` reads one, in one round trip. */
  async byIds(ids: readonly OrderId[]): Promise<Order[]> {
    if (ids.length === 0) return [];
    const rows = (await this.transactions.manager.query(
      `SELECT ${selectedColumns}, COALESCE(
         (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity,
                   'unit_price_amount', l.unit_price_amount::text, 'unit_price_currency', l.unit_price_currency) ORDER BY l.line_no)
            FROM order_lines l WHERE l.order_id = o.id), '[]') AS lines, k.wrapped_key
       FROM orders o LEFT JOIN buyer_keys k ON k.buyer_id = o.buyer_id WHERE o.id = ANY($1::uuid[])`,
      [ids],
    )) as (OrderRow & { lines: OrderLineRow[]; wrapped_key: string | null })[];
    return rows.map((row) => {
      const dataKey = this.keys.unwrap(row.wrapped_key, row.buyer_id);
      const order = toOrder(row, row.lines, dataKey);
      if (dataKey) this.#loadedKeys.set(order, dataKey);
      return order;
    });
  }

  save(order: Order): Promise<void> {
    return this.transactions.run(async (manager) => {
      const dataKey = order.version === 0 ? await this.insert(manager, order) : await this.update(manager, order);
      await this.publish(order, dataKey);
    });
  }

  /**
   * New orders one by one (`save`); loaded ones in one UPDATE, each row checked against its loaded
   * version (fewer rows than orders: ConcurrencyConflict, and the whole transaction rolls back),
   * their events with the transaction's other outbox rows. The ids are given again as an array:
   * the planner takes `jsonb_to_recordset` for 100 rows whatever it holds, and without an index
   * condition of its own chose a sequential scan of the whole table for every save
   * (docs/benchmark.md, session 8).
   */
  saveAll(orders: readonly Order[]): Promise<void> {
    return this.transactions.run(async (manager) => {
      const loaded = orders.filter((order) => order.version > 0);
      for (const order of orders) if (order.version === 0) await this.save(order);
      if (loaded.length === 0) return;
      const rows = loaded.map((order) => {
        const values = lifecycleValues(order);
        return { id: order.id, version: order.version, ...Object.fromEntries(lifecycleColumns.map((column, i) => [column, values[i]])) };
      });
      const [, changed] = (await manager.query(
        `UPDATE orders o SET ${setFromRows}, version = o.version + 1
           FROM jsonb_to_recordset($1::jsonb) AS v (id uuid, version integer, ${rowColumns})
          WHERE o.id = v.id AND o.version = v.version AND o.id = ANY($2::uuid[])`,
        [JSON.stringify(rows), loaded.map((order) => order.id)],
      )) as [unknown, number];
      if (changed !== loaded.length) throw new ConcurrencyConflict('Order', loaded.map((order) => order.id).join(', '));
      for (const order of loaded) await this.publish(order, await this.keyToPublish(manager, order));
    });
  }

  /** The order's events, enveloped now (in the message's context, or the one `runForMessages` names), inserted with the transaction's others. */
  private async publish(order: Order, dataKey: Buffer | undefined): Promise<void> {
    const personalData = dataKey && new PublishedPersonalData(order.buyerId, dataKey, this.sharing);
    const entries = this.outbox.entriesOf(order.pendingEvents.flatMap((event) => publishedEventsOf(event, personalData)));
    if (entries.length > 0) await this.transactions.gather(this.#published, entries);
  }

  /** Returns the buyer's data key, which sealed the address. */
  private async insert(manager: EntityManager, order: Order): Promise<Buffer> {
    if (!order.shippingAddress) throw new ShippingAddressErased(order.id);
    const dataKey = await this.keys.forWriting(manager, order.buyerId);
    const sealedAddress = sealAddress(dataKey, order.buyerId, order.id, order.shippingAddress);
    // The row and its lines in one statement: the lines are numbered in the order given.
    try {
      await manager.query(
        `WITH placed AS (
           INSERT INTO orders (id, buyer_id, status, total_amount, total_currency, ship_sealed, payment_token, placed_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id)
         INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_amount, unit_price_currency)
         SELECT placed.id, line.no, line.sku, line.quantity, line.amount, line.currency
           FROM placed, unnest($9::text[], $10::int[], $11::bigint[], $12::text[]) WITH ORDINALITY AS line(sku, quantity, amount, currency, no)`,
        [...orderValues(order, sealedAddress), ...lineArrays(order)],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'orders_pkey')) throw new ConcurrencyConflict('Order', order.id);
      throw error;
    }
    return dataKey;
  }

  /** Lines and address are fixed at placement; what changes later is the lifecycle. Returns the buyer's data key when the order's events need it (`keyToPublish`). */
  private async update(manager: EntityManager, order: Order): Promise<Buffer | undefined> {
    const [, changed] = (await manager.query(`UPDATE orders SET ${assignments}, version = version + 1 WHERE id = $1 AND version = $2`, [
      order.id,
      order.version,
      ...lifecycleValues(order),
    ])) as [unknown, number];
    if (changed === 0) throw new ConcurrencyConflict('Order', order.id);
    return this.keyToPublish(manager, order);
  }

  /**
   * The buyer's data key when an event to publish carries the address (an erased buyer's order
   * cannot be authorized; a buyer from before the keys, whose order holds its address in plaintext,
   * gets one now). The key read with the order is that key: the buyer's orders are not erased
   * while one is in progress.
   */
  private async keyToPublish(manager: EntityManager, order: Order): Promise<Buffer | undefined> {
    if (!order.pendingEvents.some((event) => carriesAddress.has(event.type))) return undefined;
    if (!order.shippingAddress) throw new ShippingAddressErased(order.id);
    return this.#loadedKeys.get(order) ?? this.keys.forWriting(manager, order.buyerId);
  }
}
