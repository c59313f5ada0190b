import { randomUUID } from 'node:crypto';
import { orderId } from '@bazaar/checkout-domain';
import { anAddress, anOrder } from '@bazaar/checkout-domain/testing';
import { Batch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { Outbox, OutboxEntry, runInMessageContext } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { checkoutMigrations } from './migrations';
import { IdempotencyKeyHeld } from '@bazaar/checkout-application';
import { TypeOrmIdempotencyKeys } from './typeorm-idempotency-keys';
import { TypeOrmOrders } from './typeorm-orders';
import { BuyerDataKeys } from './buyer-data-keys';
import { openPublishedAddress, publishedAddress } from '../acl/sealed-address';
import { ephemeralKeyRing, processSharingKeyRing } from '@bazaar/platform-service';

jest.setTimeout(30_000);

const buyerKeys = new BuyerDataKeys(ephemeralKeyRing());

/** An outbox that breaks after the order's rows were written, as a crash or a bad event would. */
/** An outbox whose rows the database refuses (no event id): the order's statement fails with them. */
class BrokenOutbox extends Outbox {
  override insertStatement(entries: readonly OutboxEntry[]): WriteStatement {
    return { text: 'INSERT INTO outbox (event_id, topic) SELECT NULL, topic FROM unnest($1::text[]) AS topic', values: [entries.map((entry) => entry.topic)] };
  }
}

describe('TypeOrmOrders (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let transactions: Transactions;
  let orders: TypeOrmOrders;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
    transactions = database.transactions;
    orders = new TypeOrmOrders(transactions, new Outbox('checkout'), buyerKeys, processSharingKeyRing());
  });

  afterAll(async () => {
    await database?.drop();
  });

  const rowsAbout = async (id: string) => {
    const [row] = await database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM orders WHERE id = $1::uuid) AS orders,
              (SELECT count(*)::int FROM order_lines WHERE order_id = $1::uuid) AS lines,
              (SELECT count(*)::int FROM outbox WHERE message_key = $1::text) AS outbox`,
      [id],
    );
    return row as { orders: number; lines: number; outbox: number };
  };

  it('stores a new order with its lines, its CartCheckedOut outbox message and the buyer’s shared key, and restores it', async () => {
    const order = anOrder()
      .withId(randomUUID())
      .shippedTo(anAddress({ line2: 'Flat 3' }))
      .build();

    await orders.save(order);

    expect(await rowsAbout(order.id)).toEqual({ orders: 1, lines: 2, outbox: 1 });
    expect(await database.dataSource.query('SELECT line_no, sku, quantity FROM order_lines WHERE order_id = $1 ORDER BY line_no', [order.id])).toEqual(
      order.lines.map((line, index) => ({ line_no: index + 1, sku: line.sku, quantity: line.quantity })),
    );
    const [outbox] = await database.dataSource.query('SELECT topic, event_type FROM outbox WHERE message_key = $1', [order.id]);
    expect(outbox).toEqual({ topic: 'checkout.orders', event_type: 'checkout.cart-checked-out.v2' });
    const keys = await database.dataSource.query('SELECT topic, event_type FROM outbox WHERE message_key = $1', [order.buyerId]);
    expect(keys).toContainEqual({ topic: 'checkout.buyer-keys', event_type: 'checkout.buyer-data-key.v1' });
    const restored = await orders.byId(order.id);
    expect(restored?.version).toBe(1);
    expect(restored?.pendingEvents).toHaveLength(0);
    expect(restored?.lines).toEqual(order.lines);
    expect(restored?.total).toEqual(order.total);
    expect(restored?.shippingAddress).toEqual(order.shippingAddress);
    expect([restored?.buyerId, restored?.status, restored?.paymentToken, restored?.placedAt]).toEqual([order.buyerId, 'placed', order.paymentToken, order.placedAt]);
  });

  it('keeps the shipping address only sealed with the buyer’s data key, one key per buyer wrapped by the current KEK', async () => {
    const buyer = `buyer-${randomUUID()}`;
    const address = anAddress({ name: 'Grace Hopper', line1: '1 Navy Yard', line2: 'Bldg 7', city: 'Arlington', postalCode: 'VA 22202' });
    const first = anOrder().withId(randomUUID()).forBuyer(buyer).shippedTo(address).build();
    const second = anOrder().withId(randomUUID()).forBuyer(buyer).shippedTo(address).build();

    await orders.save(first);
    await orders.save(second);

    const rows = (await database.dataSource.query('SELECT row_to_json(o)::text AS text FROM orders o WHERE buyer_id = $1', [buyer])) as { text: string }[];
    expect(rows).toHaveLength(2);
    for (const { text } of rows) for (const value of ['Grace Hopper', '1 Navy Yard', 'Bldg 7', 'Arlington', 'VA 22202']) expect(text).not.toContain(value);
    const keys = (await database.dataSource.query('SELECT kek_id, wrapped_key FROM buyer_keys WHERE buyer_id = $1', [buyer])) as { kek_id: string; wrapped_key: string }[];
    expect(keys).toEqual([{ kek_id: 'ephemeral', wrapped_key: expect.stringMatching(/^ephemeral\./) }]);
    expect((await orders.byId(first.id))?.shippingAddress).toEqual(address);
    expect((await orders.byId(second.id))?.shippingAddress).toEqual(address);
  });

  it('does not open a sealed address moved onto another order’s row', async () => {
    const buyer = `buyer-${randomUUID()}`;
    const [from, to] = [anOrder().withId(randomUUID()).forBuyer(buyer).build(), anOrder().withId(randomUUID()).forBuyer(buyer).build()];
    await orders.save(from);
    await orders.save(to);

    await database.dataSource.query('UPDATE orders SET ship_sealed = (SELECT ship_sealed FROM orders WHERE id = $1) WHERE id = $2', [from.id, to.id]);

    await expect(orders.byId(to.id)).rejects.toThrow(/does not open/);
  });

  it('still reads an order written before sealing, from its plaintext columns', async () => {
    const order = anOrder()
      .withId(randomUUID())
      .forBuyer(`buyer-${randomUUID()}`)
      .shippedTo(anAddress({ line2: 'Flat 3' }))
      .build();
    await orders.save(order);
    const { name, line1, line2, city, postalCode, country } = anAddress({ line2: 'Flat 3' });

    await database.dataSource.query(
      `UPDATE orders SET ship_sealed = NULL, ship_name = $2, ship_line1 = $3, ship_line2 = $4, ship_city = $5, ship_postal_code = $6,
         ship_country = $7 WHERE id = $1`,
      [order.id, name, line1, line2, city, postalCode, country],
    );

    expect((await orders.byId(order.id))?.shippingAddress).toEqual(anAddress({ line2: 'Flat 3' }));
  });

  it('authorizes an order of a buyer from before the keys, publishing its address sealed with a key created now', async () => {
    const order = anOrder().withId(randomUUID()).forBuyer(`buyer-${randomUUID()}`).build();
    await orders.save(order);
    const { name, line1, city, postalCode, country } = anAddress();
    await database.dataSource.query(
      `UPDATE orders SET ship_sealed = NULL, ship_name = $2, ship_line1 = $3, ship_city = $4, ship_postal_code = $5, ship_country = $6 WHERE id = $1`,
      [order.id, name, line1, city, postalCode, country],
    );
    await database.dataSource.query('DELETE FROM buyer_keys WHERE buyer_id = $1', [order.buyerId]);
    const legacy = (await orders.byId(order.id))!;

    legacy.recordPaymentAuthorized('auth-legacy', new Date());
    await orders.save(legacy);

    const [published] = await database.dataSource.query(`SELECT payload::text AS text FROM outbox WHERE message_key = $1 AND event_type = 'checkout.payment-authorized.v2'`, [
      order.id,
    ]);
    expect(published.text).toContain('sealedShippingAddress');
    expect(published.text).not.toContain(line1);
    expect(await database.dataSource.query('SELECT buyer_id FROM buyer_keys WHERE buyer_id = $1', [order.buyerId])).toHaveLength(1);
  });

  it('seals the address an authorization publishes with the buyer’s key as read with the order, the key placing sealed with', async () => {
    const order = anOrder().withId(randomUUID()).forBuyer(`buyer-${randomUUID()}`).build();
    await orders.save(order);
    const loaded = (await orders.byId(order.id))!;

    loaded.recordPaymentAuthorized('auth-1', new Date());
    await orders.save(loaded);

    const published = async (wireType: string) => {
      const [row] = await database.dataSource.query('SELECT payload::text AS text FROM outbox WHERE message_key = $1 AND event_type = $2', [order.id, wireType]);
      return (JSON.parse((row as { text: string }).text) as { data: { sealedShippingAddress: { keyId: string; algorithm: 'AES-256-GCM'; ciphertext: string } } }).data
        .sealedShippingAddress;
    };
    const dataKey = (await transactions.run((manager) => buyerKeys.existing(manager, order.buyerId)))!;
    const authorized = await published('checkout.payment-authorized.v2');
    expect(authorized.keyId).toBe((await published('checkout.cart-checked-out.v2')).keyId);
    expect(openPublishedAddress(dataKey, order.buyerId, order.id, authorized)).toEqual(publishedAddress(order.shippingAddress!));
  });

  it('writes the outbox rows of the orders a transaction saves in one go as it commits, each in the message context it was saved in', async () => {
    const [first, second] = [anOrder().withId(randomUUID()).forBuyer(`buyer-${randomUUID()}`).build(), anOrder().withId(randomUUID()).forBuyer(`buyer-${randomUUID()}`).build()];
    const contextOf = (causationId: string) => ({ correlationId: randomUUID(), causationId, traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`, tracestate: null });
    const [firstContext, secondContext] = [contextOf(randomUUID()), contextOf(randomUUID())];

    const beforeCommit = await transactions.run(async (manager) => {
      await runInMessageContext(firstContext, () => orders.save(first));
      await runInMessageContext(secondContext, () => orders.save(second));
      return manager.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = ANY($1::text[])', [[first.id, second.id]]);
    });

    expect(beforeCommit).toEqual([{ n: 0 }]);
    const rows = (await database.dataSource.query(
      `SELECT message_key, payload->>'correlationId' AS correlation, payload->>'causationId' AS causation FROM outbox
        WHERE message_key = ANY($1::text[]) ORDER BY position`,
      [[first.id, second.id]],
    )) as { message_key: string; correlation: string; causation: string }[];
    expect(rows).toEqual([
      { message_key: first.id, correlation: firstContext.correlationId, causation: firstContext.causationId },
      { message_key: second.id, correlation: secondContext.correlationId, causation: secondContext.causationId },
    ]);
  });

  it('finds nothing for an unknown id', async () => {
    expect(await orders.byId(orderId(randomUUID()))).toBeUndefined();
  });

  it('writes neither the order nor its outbox messages when the database refuses the messages: they are one statement', async () => {
    const order = anOrder().withId(randomUUID()).build();

    await expect(new TypeOrmOrders(transactions, new BrokenOutbox('checkout'), buyerKeys, processSharingKeyRing()).save(order)).rejects.toThrow(/event_id/);

    expect(await rowsAbout(order.id)).toEqual({ orders: 0, lines: 0, outbox: 0 });
  });

  it('rolls the order back with the rest of the caller’s unit of work', async () => {
    const order = anOrder().withId(randomUUID()).build();

    const work = transactions.run(async () => {
      await orders.save(order);
      throw new Error('a later step failed');
    });

    await expect(work).rejects.toThrow('a later step failed');
    expect(await rowsAbout(order.id)).toEqual({ orders: 0, lines: 0, outbox: 0 });
  });

  it('refuses a save from a stale copy (ConcurrencyConflict)', async () => {
    const order = anOrder().withId(randomUUID()).build();
    await orders.save(order);
    const mine = (await orders.byId(order.id))!;
    const theirs = (await orders.byId(order.id))!;

    await orders.save(theirs);

    await expect(orders.save(mine)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await orders.byId(order.id))?.version).toBe(2);
  });

  it('refuses to insert the same new order twice (ConcurrencyConflict)', async () => {
    const id = randomUUID();
    await orders.save(anOrder().withId(id).build());

    await expect(orders.save(anOrder().withId(id).build())).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(await rowsAbout(id)).toEqual({ orders: 1, lines: 2, outbox: 1 });
  });
});

describe('TypeOrmIdempotencyKeys (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let transactions: Transactions;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
    transactions = database.transactions;
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function backendsWaitingOnALock(): Promise<number> {
    const [row] = (await transactions.manager.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }

  /**
   * `work` in a unit of work whose transaction is begun first, so its closing statement runs inside
   * it; the unit is then held open — what it wrote uncommitted, its rows locked — until `commit`.
   */
  function heldOpenAfterItsStatement(work: () => Promise<void>): { written: Promise<void>; commit(): Promise<void> } {
    let release!: () => void;
    const mayCommit = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    // A plain batch flushes after the statement batches gathered before it, in the transaction.
    const holdOpen: Batch<void> = {
      flush: async () => {
        wrote();
        await mayCommit;
      },
    };
    const done = transactions.run(async (manager) => {
      await manager.query('SELECT 1');
      await work();
      await transactions.gather(holdOpen, undefined);
    });
    return {
      written,
      commit: () => {
        release();
        return done;
      },
    };
  }

  it('makes a concurrent claim of the same key wait for the first, then fail as held — writing nothing of its unit', async () => {
    const keys = new TypeOrmIdempotencyKeys(transactions, 86_400);
    const orders = new TypeOrmOrders(transactions, new Outbox('checkout'), buyerKeys, processSharingKeyRing());
    const key = randomUUID();
    const first = anOrder().withId(randomUUID()).build();
    const second = anOrder().withId(randomUUID()).build();
    const firstWork = heldOpenAfterItsStatement(async () => {
      await keys.claim({ scope: 'buyer-42', key, fingerprint: 'f', orderId: first.id });
      await orders.save(first);
    });
    await firstWork.written;
    let secondSettled = false;
    const secondWork = transactions
      .run(async () => {
        await keys.claim({ scope: 'buyer-42', key, fingerprint: 'f', orderId: second.id });
        await orders.save(second);
      })
      .finally(() => (secondSettled = true));
    // The second claim is seen waiting on the first's row lock, and has not answered meanwhile.
    await eventually(async () => expect(await backendsWaitingOnALock()).toBeGreaterThan(0));
    expect(secondSettled).toBe(false);
    await firstWork.commit();

    await expect(secondWork).rejects.toBeInstanceOf(IdempotencyKeyHeld);
    expect(await keys.holder({ scope: 'buyer-42', key, fingerprint: 'f' })).toEqual({ scope: 'buyer-42', key, fingerprint: 'f', orderId: first.id });
    expect(await orders.byId(second.id)).toBeUndefined();
  });

  it('refuses a first order sealed with a new key when a concurrent first order of the buyer stored one first; placed again, it seals with that one', async () => {
    const orders = new TypeOrmOrders(transactions, new Outbox('checkout'), buyerKeys, processSharingKeyRing());
    const buyerId = `buyer-${randomUUID()}`;
    const first = anOrder().withId(randomUUID()).forBuyer(buyerId).build();
    const second = anOrder().withId(randomUUID()).forBuyer(buyerId).build();
    const firstWork = heldOpenAfterItsStatement(() => orders.save(first));
    await firstWork.written;
    // The second reads no key (the first's is not committed), makes its own, and waits on the first's row.
    const secondWork = orders.save(second);
    await eventually(async () => expect(await backendsWaitingOnALock()).toBeGreaterThan(0));
    await firstWork.commit();

    await expect(secondWork).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(await orders.byId(second.id)).toBeUndefined();
    await orders.save(second);
    expect((await orders.byId(second.id))?.shippingAddress).toEqual(second.shippingAddress);
    expect((await orders.byId(first.id))?.shippingAddress).toEqual(first.shippingAddress);
  });

  it('lets the key go when the claiming unit of work rolls back', async () => {
    const keys = new TypeOrmIdempotencyKeys(transactions, 86_400);
    const key = randomUUID();
    const abandoned = transactions.run(async () => {
      await keys.claim({ scope: 'buyer-42', key, fingerprint: 'f', orderId: orderId(randomUUID()) });
      throw new Error('the order was refused');
    });
    await expect(abandoned).rejects.toThrow('the order was refused');
    expect(await keys.holder({ scope: 'buyer-42', key, fingerprint: 'f' })).toBeUndefined();

    const retry = anOrder().withId(randomUUID()).build();
    await transactions.run(async () => {
      await keys.claim({ scope: 'buyer-42', key, fingerprint: 'g', orderId: retry.id });
      await new TypeOrmOrders(transactions, new Outbox('checkout'), buyerKeys, processSharingKeyRing()).save(retry);
    });

    expect(await keys.holder({ scope: 'buyer-42', key, fingerprint: 'g' })).toEqual({ scope: 'buyer-42', key, fingerprint: 'g', orderId: retry.id });
  });
});
