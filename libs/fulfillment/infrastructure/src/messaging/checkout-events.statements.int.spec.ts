import { FulfillCheckoutNewsHandler } from '@bazaar/fulfillment-application';
import { Outbox, runInMessageContext } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { EventEnvelope, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { randomUUID } from 'node:crypto';
import { fulfillmentMigrations } from '../persistence/migrations';
import { TypeOrmReservations } from '../persistence/typeorm-reservations';
import { TypeOrmShipments } from '../persistence/typeorm-shipments';
import { TypeOrmStockItems } from '../persistence/typeorm-stock-items';
import { TypeOrmUnitOfWork } from '../persistence/typeorm-unit-of-work';
import { aPaidOrder, aSku } from '../testing/warehouse';
import { CheckoutEventsConsumer } from './checkout-events.consumer';

jest.setTimeout(60_000);

/**
 * What a payment costs the database, counted statement by statement (BEGIN and COMMIT included) on
 * the consumer's own code, wired by hand on a real PostgreSQL: a run of payments sharing one
 * transaction, as the transport hands them over, against the same payments one message at a time.
 * Before the consumer was set-based every payment was handled alone, at 12 statements
 * (BEGIN, inbox mark, reservation read, stock held, stock saved, reservation saved, its outbox
 * rows, shipment read, shipment and its lines saved, their outbox rows, COMMIT): 600 for 50
 * payments, where a run of 50 cost 12 and now costs 7 — BEGIN, the inbox mark, the three reads,
 * every write in one statement (the unit of work's closing statement), COMMIT.
 */
describe('Payments, counted in statements (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let consumer: CheckoutEventsConsumer;
  let statements: string[];

  beforeAll(async () => {
    database = await createMigratedTestDatabase(fulfillmentMigrations);
    const { dataSource, transactions } = database;
    const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
    dataSource.createQueryRunner = (mode) => {
      const runner = createQueryRunner(mode);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: never[]) => {
        statements.push(sql);
        return query(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    };
    const outbox = new Outbox('fulfillment');
    const clock: Clock = { now: () => new Date() };
    const ids: IdGenerator = { next: () => randomUUID() };
    const fulfill = new FulfillCheckoutNewsHandler(
      new TypeOrmUnitOfWork(transactions),
      new TypeOrmReservations(transactions, outbox),
      new TypeOrmStockItems(transactions),
      new TypeOrmShipments(transactions, outbox),
      clock,
      ids,
    );
    consumer = new CheckoutEventsConsumer(transactions, fulfill);
  });

  afterAll(async () => {
    await database?.drop();
  });

  beforeEach(() => {
    statements = [];
  });

  /** `orders` paid orders of 3 lines each over a few SKUs they share, every line in stock. */
  const payments = async (orders: number): Promise<EventEnvelope<PaymentAuthorizedV2>[]> => {
    const skus = Array.from({ length: 8 }, () => aSku('SKU'));
    await database.dataSource.query(
      `INSERT INTO stock_items (sku, on_hand, reserved, counted_at, counted_by, version) SELECT sku, 1000000, 0, now(), 'spec', 1 FROM unnest($1::text[]) AS sku`,
      [skus],
    );
    statements = [];
    return Array.from({ length: orders }, (_, i) => aPaidOrder({ [skus[i % 8]!]: 1, [skus[(i + 3) % 8]!]: 2, [skus[(i + 5) % 8]!]: 1 }));
  };
  /** Handles a payment in its message's context, as the transport does. */
  const handle = (payment: EventEnvelope<PaymentAuthorizedV2>) =>
    runInMessageContext(
      { correlationId: payment.correlationId ?? payment.id, causationId: payment.id, traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`, tracestate: null },
      () => consumer.onPaymentAuthorized(payment),
    );
  const sharingOneTransaction = (run: readonly EventEnvelope<PaymentAuthorizedV2>[]) =>
    database.transactions.run(async () => {
      for (const payment of run) await handle(payment);
    });
  const decided = async (run: readonly EventEnvelope<PaymentAuthorizedV2>[]) => {
    const orderIds = run.map((payment) => payment.data.orderId);
    const [reservations, shipments, caused] = await Promise.all([
      database.dataSource.query(`SELECT count(*)::int AS n FROM reservations WHERE order_id = ANY($1::uuid[]) AND status = 'reserved'`, [orderIds]),
      database.dataSource.query(`SELECT count(*)::int AS n FROM shipments WHERE order_id = ANY($1::uuid[])`, [orderIds]),
      database.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'causationId' = ANY($1::text[])`, [run.map((payment) => payment.id)]),
    ]);
    return { reserved: reservations[0].n, shipments: shipments[0].n, eventsCausedByTheirPayment: caused[0].n };
  };

  it('a run of 50 payments sharing one transaction costs a fixed 7 statements, whatever its length', async () => {
    const run = await payments(50);

    await sharingOneTransaction(run);

    // The reads, then the stock held last: its locks last from there to COMMIT, one round trip.
    expect(statements.map(kindOf)).toEqual(['SELECT inbox', 'SELECT reservations', 'SELECT shipments', 'START', 'SELECT stock_items', 'WITH', 'COMMIT']);
    expect(await decided(run)).toEqual({ reserved: 50, shipments: 50, eventsCausedByTheirPayment: 100 });
    const five = await payments(5);
    await sharingOneTransaction(five);
    expect(statements).toHaveLength(7);
  });

  it('a payment handled on its own (after a shared transaction failed) costs the same 7 statements', async () => {
    const run = await payments(50);

    for (const payment of run) await handle(payment);

    const cost = statements.length;
    expect(await decided(run)).toEqual({ reserved: 50, shipments: 50, eventsCausedByTheirPayment: 100 });
    expect(cost / run.length).toBe(7);
  });

  it('a redelivered run costs one read of the inbox and changes nothing', async () => {
    const run = await payments(50);
    await sharingOneTransaction(run);
    statements = [];

    await sharingOneTransaction(run);

    expect(statements).toHaveLength(1); // the inbox marks (all there): no BEGIN, nothing written
    statements = [];
    expect(await decided(run)).toEqual({ reserved: 50, shipments: 50, eventsCausedByTheirPayment: 100 });
  });
});

/** A statement by its first word and, for a read, the table it reads from (its last FROM: a subquery's comes before). */
function kindOf(sql: string): string {
  const text = sql.trim();
  const [word] = text.split(/\s+/);
  return word === 'SELECT' ? `SELECT ${[...text.matchAll(/\bFROM\s+(\w+)/gi)].pop()?.[1] ?? '?'}` : word!;
}
