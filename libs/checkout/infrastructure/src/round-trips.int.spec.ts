import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OrderPlacement, OrderProcessRunner, OrderScreening, TakeFulfillmentAnswersHandler } from '@bazaar/checkout-application';
import { defaultOrderProcessSettings, FraudPolicy, Order, orderId } from '@bazaar/checkout-domain';
import { anAddress } from '@bazaar/checkout-domain/testing';
import { childTraceparent, Outbox, runInMessageContext } from '@bazaar/platform-messaging';
import { ephemeralKeyRing, processSharingKeyRing } from '@bazaar/platform-service';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { anEvent } from '@bazaar/platform-testing';
import { BuyerDataKeyV1, CartCheckedOutV2, EventEnvelope, InventoryReservedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { money } from '@bazaar/shared-kernel';
import { openPublishedAddress, publishedAddress } from './acl/sealed-address';
import { FulfillmentEventsConsumer } from './messaging/fulfillment-events.consumer';
import { SandboxPaymentGateway } from './payment/sandbox-payment-gateway';
import { BuyerDataKeys } from './persistence/buyer-data-keys';
import { checkoutMigrations } from './persistence/migrations';
import { TypeOrmBuyerOrderHistory } from './persistence/typeorm-buyer-order-history';
import { TypeOrmIdempotencyKeys } from './persistence/typeorm-idempotency-keys';
import { TypeOrmOrderProcesses } from './persistence/typeorm-order-processes';
import { TypeOrmOrders } from './persistence/typeorm-orders';
import { TypeOrmUnitOfWork } from './persistence/typeorm-unit-of-work';

jest.setTimeout(30_000);

/**
 * What an order costs Checkout in round trips to PostgreSQL, step by step: on this machine each
 * costs about as much CPU as the work it carries (docs/benchmark.md, "What limits throughput now").
 * The adapters are the service's own, composed as the module composes them; only HTTP and Kafka
 * are left out (they add no statement). A statement added to a step fails here: on purpose.
 */
describe('Round trips of one order through Checkout (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  const statements: string[] = [];
  const query = Client.prototype.query;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
    // Every statement any connection of this process sends, as "VERB table" (the tables a data-modifying CTE writes, joined by +).
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const [config] = args;
      const text = typeof config === 'string' ? config : (config as { text: string }).text;
      statements.push(kindOf(text));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });

  afterAll(async () => {
    Client.prototype.query = query;
    await database?.drop();
  });

  /** The statements `work` sends. */
  const sentBy = async (work: () => Promise<unknown>): Promise<string[]> => {
    statements.length = 0;
    await work();
    return statements.splice(0);
  };

  function checkout() {
    const { transactions } = database;
    const orders = new TypeOrmOrders(transactions, new Outbox('checkout'), new BuyerDataKeys(ephemeralKeyRing()), processSharingKeyRing());
    const unitOfWork = new TypeOrmUnitOfWork(transactions);
    const gateway = new SandboxPaymentGateway({ latencyMs: 0, failureRate: 0 });
    const runner = new OrderProcessRunner(new TypeOrmOrderProcesses(transactions), orders, gateway, { now: () => new Date() }, defaultOrderProcessSettings, unitOfWork);
    const screening = new OrderScreening(new TypeOrmBuyerOrderHistory(transactions), new FraudPolicy());
    const placement = new OrderPlacement(orders, new TypeOrmIdempotencyKeys(transactions, 86_400), unitOfWork, screening, runner);
    const consumer = new FulfillmentEventsConsumer(transactions, new TakeFulfillmentAnswersHandler(runner));
    /** A run of Fulfillment's answers in one consumer transaction, as `inBatchTransaction` shares it: each handled in its message's context. */
    const confirm = (answers: readonly EventEnvelope[]) =>
      transactions.run(async () => {
        for (const answer of answers) {
          const context = { correlationId: answer.correlationId ?? answer.id, causationId: answer.id, traceparent: childTraceparent(undefined), tracestate: null };
          await runInMessageContext(context, () => consumer.onInventoryReserved(answer));
        }
      });
    return { placement, confirm, runner };
  }

  /** An order as the benchmark places it: a buyer's first, two lines, an Idempotency-Key, paid with tok_ok. */
  const anOrder = (buyerId = `buyer-${randomUUID()}`) => {
    const order = Order.place({
      id: orderId(randomUUID()),
      buyerId,
      lines: [
        { sku: 'MUG-BLUE', quantity: 2, unitPrice: money(1250, 'EUR') },
        { sku: 'TEA-EARL', quantity: 1, unitPrice: money(899, 'EUR') },
      ],
      shippingAddress: anAddress(),
      paymentToken: 'tok_ok',
      placedAt: new Date(),
    });
    return { order, idempotency: { scope: buyerId, key: randomUUID(), fingerprint: 'sha-of-body' } };
  };

  it('places an order in one read and one statement, and records its authorization in one statement without reading the order back: no BEGIN, no COMMIT', async () => {
    const { placement } = checkout();
    const { order, idempotency } = anOrder();

    const placing = await sentBy(() => placement.begin(order.id, idempotency, async () => order));

    // Was BEGIN, a statement per table, COMMIT: 8. The buyer's recent orders bring their key along;
    // the writes are one statement, atomic by itself.
    expect(placing).toEqual([
      'SELECT orders + buyer_keys',
      'INSERT idempotency_keys + INSERT buyer_keys + INSERT orders + INSERT order_lines + INSERT outbox + INSERT order_processes',
    ]);

    const second = anOrder();
    const authorizing = await sentBy(async () => {
      await placement.place(second.order.id, second.idempotency, async () => second.order);
      await placement.settled();
    });

    // The gateway's answer and its recording on the order: one statement (was BEGIN, three writes,
    // COMMIT), going on with the order and its process as placing saved them (was a read of the order first).
    expect(authorizing.slice(placing.length)).toEqual(['UPDATE orders + INSERT outbox + UPDATE order_processes']);
    // Not reading the order back loses nothing: the authorization is published sealed with the key placing used and shared.
    const published = (await database.dataSource.query(`SELECT event_type, payload->'data' AS data FROM outbox WHERE message_key = $1 AND event_type IN ($2, $3)`, [
      second.order.id,
      CartCheckedOutV2.wireType,
      PaymentAuthorizedV2.wireType,
    ])) as { event_type: string; data: { sealedShippingAddress: { keyId: string; ciphertext: string } } }[];
    const [shared] = (await database.dataSource.query(`SELECT payload->'data' AS data FROM outbox WHERE event_type = $1 AND message_key = $2`, [
      BuyerDataKeyV1.wireType,
      second.order.buyerId,
    ])) as { data: BuyerDataKeyV1 }[];
    const dataKey = processSharingKeyRing().unwrap(shared!.data.wrappedKey, second.order.buyerId);
    expect(published.map((row) => row.event_type).sort()).toEqual([CartCheckedOutV2.wireType, PaymentAuthorizedV2.wireType].sort());
    for (const { data } of published) {
      expect(data.sealedShippingAddress.keyId).toBe(shared!.data.keyId);
      expect(openPublishedAddress(dataKey, second.order.buyerId, second.order.id, { algorithm: 'AES-256-GCM', ...data.sealedShippingAddress })).toEqual(
        publishedAddress(second.order.shippingAddress!),
      );
    }
  });

  it('places a returning buyer’s order with the key their first one stored, read along with their recent orders', async () => {
    const { placement } = checkout();
    const first = anOrder();
    await placement.begin(first.order.id, first.idempotency, async () => first.order);
    const { order: second, idempotency } = anOrder(first.order.buyerId);

    const placing = await sentBy(() => placement.begin(second.id, idempotency, async () => second));

    expect(placing).toEqual(['SELECT orders + buyer_keys', 'INSERT idempotency_keys + INSERT orders + INSERT order_lines + INSERT outbox + INSERT order_processes']);
    const keys = (await database.dataSource.query(
      `SELECT DISTINCT payload->'data'->'sealedShippingAddress'->>'keyId' AS key_id FROM outbox WHERE event_type = $1 AND message_key = ANY($2)`,
      [CartCheckedOutV2.wireType, [first.order.id, second.id]],
    )) as { key_id: string }[];
    expect(keys).toHaveLength(1);
  });

  it('confirms 50 orders in 3 reads and one statement, whatever their number: the answers are taken set-based', async () => {
    const { placement, confirm } = checkout();
    const placed = Array.from({ length: 50 }, () => anOrder());
    for (const { order, idempotency } of placed) await placement.place(order.id, idempotency, async () => order);
    await placement.settled();
    const answers = placed.map(({ order }) => anEvent(InventoryReservedV1, { data: { orderId: order.id } }));

    const confirming = await sentBy(() => confirm(answers));

    // One at a time this was 6 statements per answer and 3 per transaction: 303 for these 50. The
    // inbox's marks are read, and the new ones join the closing statement (each mark expected):
    // what is written is version-checked there, so nothing needs BEGIN and COMMIT.
    expect(confirming).toEqual([
      'SELECT inbox',
      'SELECT order_processes',
      'SELECT order_lines + orders + buyer_keys',
      'INSERT inbox + UPDATE orders + INSERT outbox + UPDATE order_processes',
    ]);
    const [row] = await database.dataSource.query(`SELECT count(*)::int AS n FROM orders WHERE status = 'confirmed' AND id = ANY($1::uuid[])`, [
      placed.map(({ order }) => order.id),
    ]);
    expect(row).toEqual({ n: 50 });
    const confirmed = (await database.dataSource.query(
      `SELECT message_key, payload->>'causationId' AS cause FROM outbox WHERE event_type = 'checkout.order-confirmed.v1' AND message_key = ANY($1) ORDER BY position`,
      [placed.map(({ order }) => order.id)],
    )) as { message_key: string; cause: string }[];
    expect(confirmed).toEqual(answers.map((answer) => ({ message_key: answer.data.orderId, cause: answer.id })));
  });

  it('takes a run delivered again as redeliveries: one read of the inbox, then a read of each process, carrying out what may be due', async () => {
    const { placement, confirm, runner } = checkout();
    const placed = Array.from({ length: 5 }, () => anOrder());
    for (const { order, idempotency } of placed) await placement.place(order.id, idempotency, async () => order);
    await placement.settled();
    const answers = placed.map(({ order }) => anEvent(InventoryReservedV1, { data: { orderId: order.id } }));
    await confirm(answers);

    const redelivering = await sentBy(async () => {
      await confirm(answers);
      await runner.settled();
    });

    expect(redelivering).toEqual(['SELECT inbox', ...answers.map(() => 'SELECT order_processes')]);
  });
});

function kindOf(text: string): string {
  if (/^\s*(START TRANSACTION|BEGIN)/i.test(text)) return 'BEGIN';
  if (/^\s*COMMIT/i.test(text)) return 'COMMIT';
  // `ON CONFLICT … DO UPDATE` is part of its INSERT.
  const writes = [...text.matchAll(/(?<!DO )\b(INSERT INTO|UPDATE|DELETE FROM)\s+(\w+)/g)].map(([, verb, table]) => `${verb!.split(' ')[0]} ${table}`);
  if (writes.length > 0) return writes.join(' + ');
  return `SELECT ${[...new Set([...text.matchAll(/\b(?:FROM|JOIN)\s+(\w+)/gi)].map(([, table]) => table))].join(' + ')}`;
}
