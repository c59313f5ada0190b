import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { InvoiceOnRecognition, SaleCommandsHandler } from '@bazaar/finance-application';
import { Transactions } from '@bazaar/platform-database';
import { childTraceparent, Outbox, runInMessageContext } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { anEvent } from '@bazaar/platform-testing';
import { EventEnvelope, PaymentAuthorizedV1, ShipmentDispatchedV1 } from '@bazaar/published-language';
import { IdGenerator } from '@bazaar/shared-kernel';
import { FixedClock } from '@bazaar/shared-kernel/testing';
import { financeMigrations } from '../persistence/migrations';
import { financeRuntimeGrants } from '../persistence/runtime-grants';
import { TypeOrmInvoiceNumbers } from '../persistence/typeorm-invoice-numbers';
import { TypeOrmInvoices } from '../persistence/typeorm-invoices';
import { TypeOrmSales } from '../persistence/typeorm-sales';
import { CheckoutEventsConsumer } from './checkout-events.consumer';
import { FulfillmentEventsConsumer } from './fulfillment-events.consumer';
import { SaleCommandBatch } from './sale-command.batch';

jest.setTimeout(60_000);

class RandomIds extends IdGenerator {
  next(): string {
    return randomUUID();
  }
}

/**
 * What a run of messages sharing one transaction costs in round trips to PostgreSQL: the consumers
 * wired as the module wires them, their handlers called as the transport calls them (each in its
 * message's context, all in one transaction), every statement counted where node-postgres sends it.
 */
describe('Finance’s consumers, statements per order in a shared transaction (real PostgreSQL)', () => {
  const orders = 50;
  let database: MigratedTestDatabase;
  let transactions: Transactions;
  let checkout: CheckoutEventsConsumer;
  let fulfillment: FulfillmentEventsConsumer;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(financeMigrations, financeRuntimeGrants);
    transactions = database.transactions;
    const outbox = new Outbox('finance');
    const ids = new RandomIds();
    const invoicing = new InvoiceOnRecognition(new TypeOrmInvoices(transactions, outbox), new TypeOrmInvoiceNumbers(transactions), ids);
    const batch = new SaleCommandBatch(transactions, new SaleCommandsHandler(new TypeOrmSales(transactions, outbox), invoicing, transactions, new FixedClock(new Date()), ids));
    checkout = new CheckoutEventsConsumer(transactions, batch);
    fulfillment = new FulfillmentEventsConsumer(transactions, batch);
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** The statements of one shared transaction handling `events`, by their first word. */
  const sharedTransaction = async (events: readonly EventEnvelope[], handle: (event: EventEnvelope) => Promise<void>) => {
    const query = jest.spyOn(Client.prototype, 'query');
    try {
      await transactions.run(async () => {
        for (const event of events) {
          const context = { correlationId: event.correlationId ?? event.id, causationId: event.id, traceparent: childTraceparent(undefined), tracestate: null };
          await runInMessageContext(context, () => handle(event));
        }
      });
      return query.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : (statement as { text: string }).text).trim().split(/\s+/)[0]);
    } finally {
      query.mockRestore();
    }
  };
  const causesOf = async (orderIds: readonly string[], type: string) =>
    (await transactions.manager.query(
      `SELECT payload->'data'->>'orderId' AS "orderId", payload->>'causationId' AS "causationId" FROM outbox WHERE event_type = $2 AND payload->'data'->>'orderId' = ANY($1)`,
      [orderIds, type],
    )) as { orderId: string; causationId: string }[];

  it(`defers ${orders} authorized payments in 3 statements, then recognizes and invoices their ${orders} dispatches in 6`, async () => {
    const payments = Array.from({ length: orders }, () => anEvent(PaymentAuthorizedV1, { data: { orderId: randomUUID() } }));
    const orderIds = payments.map((payment) => payment.data.orderId);

    const deferring = await sharedTransaction(payments, (payment) => checkout.onPaymentAuthorizedV1(payment));
    const dispatches = orderIds.map((orderId) => anEvent(ShipmentDispatchedV1, { data: { orderId } }));
    const recognizing = await sharedTransaction(dispatches, (dispatch) => fulfillment.onShipmentDispatched(dispatch));

    // The inbox's marks and the sales read, then the new marks, sales, entries, lines and outbox rows as one statement (the unit of work's closing one): no BEGIN, no COMMIT.
    expect(deferring).toEqual(['SELECT', 'SELECT', 'WITH']);
    // The inbox's marks and the sales read; BEGIN with the invoice numbers (the counter stepped); the new marks, the sales' update,
    // entries, lines, the invoices, their lines and payment states and all the outbox rows as one statement; COMMIT.
    expect(recognizing).toEqual(['SELECT', 'SELECT', 'START', 'SELECT', 'WITH', 'COMMIT']);
    process.stdout.write(
      `statements per order: ${deferring.length / orders} deferring ${orders} payments (${deferring.length}), ${recognizing.length / orders} recognizing and invoicing ${orders} dispatches (${recognizing.length})\n`,
    );

    const deferred = await causesOf(orderIds, 'finance.revenue-deferred.v1');
    expect(new Map(deferred.map((row) => [row.orderId, row.causationId]))).toEqual(new Map(payments.map((payment) => [payment.data.orderId, payment.id])));
    const recognized = await causesOf(orderIds, 'finance.revenue-recognized.v1');
    expect(new Map(recognized.map((row) => [row.orderId, row.causationId]))).toEqual(new Map(dispatches.map((dispatch) => [dispatch.data.orderId, dispatch.id])));
  });

  it('takes a run delivered again as redeliveries: one read of the inbox, nothing written', async () => {
    const payments = Array.from({ length: 5 }, () => anEvent(PaymentAuthorizedV1, { data: { orderId: randomUUID() } }));
    await sharedTransaction(payments, (payment) => checkout.onPaymentAuthorizedV1(payment));

    expect(await sharedTransaction(payments, (payment) => checkout.onPaymentAuthorizedV1(payment))).toEqual(['SELECT']);
    expect(
      await causesOf(
        payments.map((payment) => payment.data.orderId),
        'finance.revenue-deferred.v1',
      ),
    ).toHaveLength(5);
  });
});
