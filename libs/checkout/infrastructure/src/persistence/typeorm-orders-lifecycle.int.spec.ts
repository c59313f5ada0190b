import { randomUUID } from 'node:crypto';
import { Order, OrderId, orderId } from '@bazaar/checkout-domain';
import { anAnalystsDecision, anOrder, OrderBuilder } from '@bazaar/checkout-domain/testing';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { checkoutMigrations } from './migrations';
import { TypeOrmBuyerOrderHistory } from './typeorm-buyer-order-history';
import { TypeOrmOrders } from './typeorm-orders';
import { BuyerDataKeys } from './buyer-data-keys';
import { ephemeralKeyRing, processSharingKeyRing } from '@bazaar/platform-service';
import { TypeOrmPendingFraudReviews } from './typeorm-pending-fraud-reviews';

jest.setTimeout(30_000);

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 10, minute));

describe('An order’s lifecycle in PostgreSQL', () => {
  let database: MigratedTestDatabase;
  let orders: TypeOrmOrders;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
    orders = new TypeOrmOrders(database.transactions, new Outbox('checkout'), new BuyerDataKeys(ephemeralKeyRing()), processSharingKeyRing());
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** A placed order, stored, then changed by `steps`, each loaded and saved on its own as the use cases do. */
  const stored = async (builder: OrderBuilder = anOrder(), ...steps: ((order: Order) => void)[]): Promise<OrderId> => {
    const id = orderId(randomUUID());
    await orders.save(builder.withId(id).build());
    for (const step of steps) {
      const order = (await orders.byId(id))!;
      step(order);
      await orders.save(order);
    }
    return id;
  };
  const load = async (id: OrderId) => (await orders.byId(id))!;
  const publishedTypes = async (id: string) =>
    ((await database.dataSource.query('SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY position', [id])) as { event_type: string }[]).map((row) => row.event_type);

  it('restores a review, its approval, the authorization and the confirmation, and publishes each', async () => {
    const id = await stored(
      anOrder(),
      (order) => order.requireFraudReview(150, ['large_order', 'high_risk_country'], at(1)),
      (order) => order.approveFraudReview(anAnalystsDecision, at(2)),
      (order) => order.recordPaymentAuthorized('auth-1', at(3)),
      (order) => order.confirm(at(4)),
      (order) => order.markDispatched(at(5)),
    );

    const order = await load(id);
    expect(order.toState()).toMatchObject({
      status: 'completed',
      fraudReview: { score: 150, reasons: ['large_order', 'high_risk_country'], requestedAt: at(1), decision: 'approved', decidedAt: at(2) },
      payment: { state: 'authorized', authorizationId: 'auth-1', at: at(3) },
      confirmedAt: at(4),
      completedAt: at(5),
    });
    expect(order.version).toBe(6);
    expect(await publishedTypes(id)).toEqual([
      'checkout.cart-checked-out.v2',
      'checkout.fraud-review-requested.v1',
      'checkout.fraud-review-decided.v1',
      'checkout.payment-authorized.v2',
      'checkout.order-confirmed.v1',
      'checkout.order-completed.v1',
    ]);
  });

  it('restores a declined payment and the cancellation it caused', async () => {
    const id = await stored(anOrder(), (order) => order.recordPaymentFailed('declined', at(1)));

    expect((await load(id)).toState()).toMatchObject({
      status: 'cancelled',
      payment: { state: 'declined', reason: 'declined', at: at(1) },
      cancellation: { reason: 'payment_declined', at: at(1) },
    });
    expect(await publishedTypes(id)).toEqual(['checkout.cart-checked-out.v2', 'checkout.payment-failed.v1', 'checkout.order-cancelled.v1']);
  });

  it('remembers which authorization a cancellation left to void', async () => {
    const id = await stored(
      anOrder(),
      (order) => order.recordPaymentAuthorized('auth-9', at(1)),
      (order) => order.cancel('out_of_stock', at(2)),
    );

    const [row] = await database.dataSource.query('SELECT cancellation_reason, cancellation_voids_authorization, payment_amount FROM orders WHERE id = $1', [id]);
    expect(row).toEqual({ cancellation_reason: 'out_of_stock', cancellation_voids_authorization: 'auth-9', payment_amount: '3399' });
    expect((await load(id)).authorizationId).toBe('auth-9');
  });

  it('refuses to save a change made on a stale copy, publishing nothing of it', async () => {
    const id = await stored();
    const mine = await load(id);
    const theirs = await load(id);
    theirs.cancel('buyer_cancelled', at(1));
    await orders.save(theirs);

    mine.recordPaymentAuthorized('auth-1', at(2));

    await expect(orders.save(mine)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await load(id)).status).toBe('cancelled');
    expect(await publishedTypes(id)).toEqual(['checkout.cart-checked-out.v2', 'checkout.order-cancelled.v1']);
  });

  it('lists the orders waiting for an analyst, oldest request first, and forgets them once decided', async () => {
    const buyerId = `buyer-${randomUUID()}`;
    const later = await stored(anOrder().forBuyer(buyerId), (order) => order.requireFraudReview(100, ['large_order'], at(30)));
    const earlier = await stored(anOrder().forBuyer(buyerId), (order) => order.requireFraudReview(120, ['buyer_velocity'], at(20)));
    const decided = await stored(
      anOrder().forBuyer(buyerId),
      (order) => order.requireFraudReview(100, ['large_order'], at(10)),
      (order) => order.approveFraudReview(anAnalystsDecision, at(11)),
    );
    await stored(anOrder().forBuyer(buyerId));

    const pending = (await new TypeOrmPendingFraudReviews(database.transactions).list(100)).filter((review) => [later, earlier, decided].includes(orderId(review.orderId)));

    expect(pending).toEqual([
      { orderId: earlier, buyerId, total: { amount: 3399, currency: 'EUR' }, score: 120, reasons: ['buyer_velocity'], requestedAt: at(20) },
      { orderId: later, buyerId, total: { amount: 3399, currency: 'EUR' }, score: 100, reasons: ['large_order'], requestedAt: at(30) },
    ]);
  });

  it('counts a buyer’s orders placed since a moment', async () => {
    const buyerId = `buyer-${randomUUID()}`;
    await stored(anOrder().forBuyer(buyerId).placedAt(at(0)));
    await stored(anOrder().forBuyer(buyerId).placedAt(at(10)));
    await stored(anOrder().forBuyer(buyerId).placedAt(at(20)));
    await stored(anOrder().forBuyer('someone-else').placedAt(at(20)));

    const history = new TypeOrmBuyerOrderHistory(database.transactions);

    expect(await history.countSince(buyerId, at(10))).toBe(2);
    expect(await history.countSince(buyerId, at(21))).toBe(0);
  });
});
