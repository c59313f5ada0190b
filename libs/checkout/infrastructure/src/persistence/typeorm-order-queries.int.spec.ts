import { randomUUID } from 'node:crypto';
import { Order, OrderProcess, orderId } from '@bazaar/checkout-domain';
import { anAnalystsDecision, anOrder, anOrderProcess, OrderBuilder, OrderProcessBuilder } from '@bazaar/checkout-domain/testing';
import { Outbox } from '@bazaar/platform-messaging';
import { ephemeralKeyRing, processSharingKeyRing } from '@bazaar/platform-service';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { BuyerDataKeys } from './buyer-data-keys';
import { checkoutMigrations } from './migrations';
import { TypeOrmOrderProcesses } from './typeorm-order-processes';
import { TypeOrmOrderQueries } from './typeorm-order-queries';
import { TypeOrmOrders } from './typeorm-orders';

jest.setTimeout(30_000);

/** The one statement behind GET /orders/:orderId: what it derives from the order's and the process's columns. */
describe('TypeOrmOrderQueries (real PostgreSQL)', () => {
  const keys = new BuyerDataKeys(ephemeralKeyRing());
  let database: MigratedTestDatabase;
  let orders: TypeOrmOrders;
  let processes: TypeOrmOrderProcesses;
  let queries: TypeOrmOrderQueries;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
    orders = new TypeOrmOrders(database.transactions, new Outbox('checkout'), keys, processSharingKeyRing());
    processes = new TypeOrmOrderProcesses(database.transactions);
    queries = new TypeOrmOrderQueries(database.transactions, keys);
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** An order of its own buyer, stored; with its process (as a new one) when given. */
  const stored = async (builder: OrderBuilder, process?: (id: string) => OrderProcess): Promise<Order> => {
    const order = builder.withId(randomUUID()).forBuyer(`buyer-${randomUUID()}`).build();
    await orders.save(order);
    // Placing inserts the order; what happened to it since is written by the next save.
    await orders.save(Order.restore(order.toState(), 1));
    if (process) await processes.save(OrderProcess.restore(process(order.id).toState(), 0));
    return order;
  };
  const newProcess = (state: (builder: OrderProcessBuilder) => OrderProcessBuilder) => (id: string) => state(anOrderProcess().forOrder(id)).build();

  it('shows a placed order with its lines, total and opened address, and its process’s pending commands and next attempt', async () => {
    const order = await stored(
      anOrder(),
      newProcess((process) => process.authorizing()),
    );
    const process = (await processes.byId(order.id))!;

    expect(await queries.byId(order.id)).toEqual({
      orderId: order.id,
      buyerId: order.buyerId,
      status: 'placed',
      lines: order.lines,
      total: order.total,
      shippingAddress: order.shippingAddress,
      personalData: 'present',
      placedAt: order.placedAt,
      payment: { state: 'pending' },
      process: { step: 'authorizing', pending: ['AuthorizePayment'], attempts: 0, nextAttemptAt: process.dueAt },
    });
  });

  it('shows an authorized payment and the deadline of a process waiting for inventory, no next attempt', async () => {
    const order = await stored(
      anOrder().paymentAuthorized(),
      newProcess((process) => process.awaitingInventory()),
    );
    const process = (await processes.byId(order.id))!;

    const details = await queries.byId(order.id);

    expect(details?.payment).toEqual({ state: 'authorized' });
    expect(details?.process).toEqual({ step: 'awaiting_inventory', pending: [], attempts: 0, reservationDeadline: process.deadline });
  });

  it('shows the authorization of a cancelled order as voided once its process released it', async () => {
    const voided = (id: string) =>
      OrderProcess.restore({ ...anOrderProcess().forOrder(id).awaitingInventory().build().toState(), step: 'cancelled', authorizationVoided: true, pending: [] }, 1);
    const order = await stored(anOrder().paymentAuthorized().cancelled(), voided);

    expect(await queries.byId(order.id)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'buyer_cancelled',
      payment: { state: 'voided' },
      process: { step: 'cancelled' },
    });
  });

  it('shows a declined payment with its reason, and no payment at all for an order cancelled before it was asked for', async () => {
    const declined = await stored(anOrder().paymentDeclined('insufficient_funds'));
    const cancelled = await stored(anOrder().cancelled());

    expect(await queries.byId(declined.id)).toMatchObject({ cancellationReason: 'payment_declined', payment: { state: 'declined', declineReason: 'insufficient_funds' } });
    expect((await queries.byId(cancelled.id))?.payment).toEqual({ state: 'none' });
    expect(await queries.byId(declined.id)).not.toHaveProperty('process');
  });

  it('shows a pending fraud review with its score and reasons, and a decided one with who decided and why', async () => {
    const pending = await stored(anOrder().awaitingFraudReview(70, ['new_buyer', 'large_order']));
    const approved = await stored(anOrder().awaitingFraudReview().reviewApproved());

    expect((await queries.byId(pending.id))?.fraudReview).toEqual({ score: 70, reasons: ['new_buyer', 'large_order'], decision: 'pending' });
    expect((await queries.byId(approved.id))?.fraudReview).toEqual({
      score: 100,
      reasons: ['large_order'],
      decision: 'approved',
      decidedBy: anAnalystsDecision.by,
      decisionReason: anAnalystsDecision.reason,
    });
  });

  it('shows no address once the buyer’s data key is gone (erased)', async () => {
    const order = await stored(anOrder());
    await database.dataSource.query('DELETE FROM buyer_keys WHERE buyer_id = $1', [order.buyerId]);

    expect(await queries.byId(order.id)).toMatchObject({ shippingAddress: null, personalData: 'erased' });
  });

  it('finds nothing for an unknown id', async () => {
    expect(await queries.byId(orderId(randomUUID()))).toBeUndefined();
  });
});
