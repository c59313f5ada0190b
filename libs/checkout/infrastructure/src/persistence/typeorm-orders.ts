import { Order, OrderId, Orders, ShippingAddressErased } from '@bazaar/checkout-domain';
import { KeyRing } from '@bazaar/platform-service';
import { StatementBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
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
 * Orders in PostgreSQL: the row, its lines and its outbox messages commit together. New orders,
 * loaded ones saved together (`saveAll`) and the outbox rows of a unit of work's orders are written
 * with its closing statement (`StatementBatch`): placing an order is its reads and that one statement. What is
 * published about the order seals its address with the buyer's data key, shared with readers
 * wrapped by `sharing` (PERSONAL_DATA_SHARING_KEKS).
 */
export class TypeOrmOrders extends Orders {
  /**
   * The buyer's data key as read with each loaded order, or as sealed a new one: saving that
   * order (or its `saved` form) seals what it publishes with it, instead of reading the key again
   * in the saving transaction.
   */
  readonly #loadedKeys = new WeakMap<Order, Buffer>();
  /**
   * The outbox rows of every order saved in a transaction, written in one statement just before it
   * commits: a consumer's transaction confirming a run of orders writes one INSERT, not one each.
   */
  /** New orders, each its row and its lines, written with the unit of work's closing statement. */
  readonly #placed: StatementBatch<{ order: Order; sealedAddress: string }> = {
    statements: (placed) => placed.flatMap(({ order, sealedAddress }) => placedStatements(order, sealedAddress)),
  };
  /** Loaded orders, in one UPDATE with the unit of work's closing statement, each row checked against its loaded version. */
  readonly #changed: StatementBatch<Order> = { statements: (orders) => [changedStatement(orders)] };

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
    const rows = (await this.transactions.reader.query(
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

  /**
   * A new order's row and lines join the unit of work's closing statement (the buyer's key read
   * before, or created with them); a loaded one is updated now, checked against its loaded version.
   */
  save(order: Order): Promise<void> {
    return this.transactions.run(async (manager) => {
      const dataKey = order.version === 0 ? await this.place(order) : await this.update(manager, order);
      await this.publish(order, dataKey);
    });
  }

  /**
   * New orders as `save` writes them; loaded ones in one UPDATE with the unit of work's closing
   * statement, each row checked against its loaded version (fewer rows than orders:
   * ConcurrencyConflict, and nothing of the unit is written), their events with the unit's other
   * outbox rows.
   */
  saveAll(orders: readonly Order[]): Promise<void> {
    return this.transactions.run(async (manager) => {
      const loaded = orders.filter((order) => order.version > 0);
      for (const order of orders) if (order.version === 0) await this.save(order);
      for (const order of loaded) await this.transactions.gather(this.#changed, order);
      for (const order of loaded) await this.publish(order, await this.keyToPublish(manager, order));
    });
  }

  /** As the port's, keeping the buyer's data key the saved order was read or placed with. */
  override saved(order: Order): Order {
    const saved = super.saved(order);
    const dataKey = this.#loadedKeys.get(order);
    if (dataKey) this.#loadedKeys.set(saved, dataKey);
    return saved;
  }

  /** The order's events, enveloped now (in the message's context, or the one `runForMessages` names), inserted with the transaction's others. */
  private async publish(order: Order, dataKey: Buffer | undefined): Promise<void> {
    const personalData = dataKey && new PublishedPersonalData(order.buyerId, dataKey, this.sharing);
    const entries = this.outbox.entriesOf(order.pendingEvents.flatMap((event) => publishedEventsOf(event, personalData)));
    await this.outbox.gatherEntries(this.transactions, entries);
  }

  /** Gathers the new order's row and lines; returns the buyer's data key, which sealed the address. */
  private async place(order: Order): Promise<Buffer> {
    if (!order.shippingAddress) throw new ShippingAddressErased(order.id);
    const dataKey = await this.keys.forNewOrder(this.transactions, order.buyerId);
    await this.transactions.gather(this.#placed, { order, sealedAddress: sealAddress(dataKey, order.buyerId, order.id, order.shippingAddress) });
    this.#loadedKeys.set(order, dataKey);
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

/**
 * A new order's row (one already there is a ConcurrencyConflict: nothing of the unit is written)
 * and its lines, numbered in the order given. The lines reference the row written beside them:
 * foreign keys are checked at the end of the statement.
 */
function placedStatements(order: Order, sealedAddress: string): WriteStatement[] {
  return [
    {
      text: `INSERT INTO orders (id, buyer_id, status, total_amount, total_currency, ship_sealed, payment_token, placed_at, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) ON CONFLICT (id) DO NOTHING RETURNING id`,
      values: orderValues(order, sealedAddress),
      expect: { rows: 1, otherwise: () => new ConcurrencyConflict('Order', order.id) },
    },
    {
      text: `INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_amount, unit_price_currency)
             SELECT $1, line.no, line.sku, line.quantity, line.amount, line.currency
               FROM unnest($2::text[], $3::int[], $4::bigint[], $5::text[]) WITH ORDINALITY AS line(sku, quantity, amount, currency, no)
             ON CONFLICT DO NOTHING`,
      values: [order.id, ...lineArrays(order)],
    },
  ];
}

/**
 * Loaded orders' lifecycles in one UPDATE, each row checked against its loaded version. The ids
 * are given again as an array: the planner takes `jsonb_to_recordset` for 100 rows whatever it
 * holds, and without an index condition of its own chose a sequential scan of the whole table for
 * every save (docs/benchmark.md, session 8).
 */
function changedStatement(orders: readonly Order[]): WriteStatement {
  const rows = orders.map((order) => {
    const values = lifecycleValues(order);
    return { id: order.id, version: order.version, ...Object.fromEntries(lifecycleColumns.map((column, i) => [column, values[i]])) };
  });
  return {
    text: `UPDATE orders o SET ${setFromRows}, version = o.version + 1
             FROM jsonb_to_recordset($1::jsonb) AS v (id uuid, version integer, ${rowColumns})
            WHERE o.id = v.id AND o.version = v.version AND o.id = ANY($2::uuid[])
            RETURNING o.id`,
    values: [JSON.stringify(rows), orders.map((order) => order.id)],
    expect: { rows: orders.length, otherwise: () => new ConcurrencyConflict('Order', orders.map((order) => order.id).join(', ')) },
  };
}
