import {
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV2,
  ShipmentDispatchedV1,
} from '@bazaar/published-language';
import { consumedPast, eventually, everyMemberHolds, TopicTap } from '@bazaar/platform-testing';
import {
  aLargeOrderRequest,
  checkoutHandled,
  checkoutHandledTapped,
  orderOf,
  placeOrder,
  published,
  publishedOnce,
  redeliver,
  tappedAbout,
  waitForStatus,
} from './support/checkout';
import { countRows, downstreamCaughtUp, downstreamOf } from './support/downstream';
import { http } from './support/http';
import { anOrderRequest, linesOf, plentyOfStock } from './support/orders';
import { System } from './support/system';
import { aSku, releasedShipmentOf, shipmentOf, stock, stockLevel, walk } from './support/warehouse';

/** The lines of `anOrderRequest()`, as Fulfillment reserves them. */
const reservedLines = [
  { sku: 'MUG-BLUE', quantity: 2 },
  { sku: 'TEA-EARL', quantity: 1 },
];

/**
 * Every way an order can end, across the four running services, Fulfillment reserving stock and
 * the warehouse driving shipments through Fulfillment's routes. The happy path, tok_declined and
 * the buyer's cancel before dispatch are in journey.e2e.spec.ts; the race for the last units, an
 * unstocked SKU and the full walk to delivery in warehouse.e2e.spec.ts.
 *
 * The journeys run one at a time, never `it.concurrent`: once any concurrent test ends, Jest counts
 * the rest as "between tests" and refuses every `require`, and kafkajs loads a protocol request
 * lazily the first time it sends it (a tap's first heartbeat, say), so the taps crash mid-journey.
 */
describe('Every outcome of an order, end to end', () => {
  let system: System;
  /** Checkout with a 2 s reservation deadline, swept often, and Fulfillment not running: where orders time out. */
  let impatient: System;
  let orders: TopicTap;
  let reservations: TopicTap;
  let shipmentEvents: TopicTap;
  let impatientOrders: TopicTap;
  let impatientReservations: TopicTap;

  beforeAll(async () => {
    const started = await Promise.allSettled([
      System.start(),
      System.start({ env: { checkout: { ORDER_RESERVATION_TIMEOUT_MS: '2000', ORDER_PROCESS_SWEEP_INTERVAL_MS: '200' } } }),
    ]);
    // Keep whichever started, for afterAll to stop, before failing on the other.
    const [main, late] = started;
    if (main.status === 'fulfilled') system = main.value;
    if (late.status === 'fulfilled') impatient = late.value;
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    await stock(system, { ...plentyOfStock, RING: 10 });
    // Stocked, so that its late answer is a reservation; then stopped, so that the answer is late.
    await stock(impatient, plentyOfStock);
    await impatient.stopInstances('fulfillment');
    [orders, reservations, shipmentEvents, impatientOrders, impatientReservations] = await Promise.all([
      system.topics.tap('checkout.orders'),
      system.topics.tap('fulfillment.reservations'),
      system.topics.tap('fulfillment.shipments'),
      impatient.topics.tap('checkout.orders'),
      impatient.topics.tap('fulfillment.reservations'),
    ]);
  });

  afterAll(async () => {
    await Promise.all([system?.stop(), impatient?.stop()]);
  });

  /** Waits until Support's case-order view shows what `expected` says of the order (its status and cancellation at least). */
  const supportShows = (on: System, orderId: string, expected: Record<string, unknown>) =>
    eventually(async () => expect((await downstreamOf(on, orderId)).view).toMatchObject({ orderId, ...expected }), { timeoutMs: 30_000 });

  it('waits for a risk analyst at 10,000.00; approved, it is paid, its stock reserved, confirmed, shipped and deferred', async () => {
    const orderId = await placeOrder(system, aLargeOrderRequest());

    const waiting = await waitForStatus(system, orderId, 'awaiting_fraud_review', 'awaiting_fraud_review');
    expect(waiting).toMatchObject({ fraudReview: { score: 100, reasons: ['large_order'], decision: 'pending' }, payment: { state: 'pending' } });
    expect((await publishedOnce(orders, orderId, FraudReviewRequestedV1)).data).toMatchObject({ orderId, score: 100, reasons: ['large_order'] });
    const queue = await http('GET', `${system.url('checkout')}/fraud-reviews?status=pending`);
    expect(queue.body.reviews).toContainEqual(expect.objectContaining({ orderId, score: 100, reasons: ['large_order'], total: { amount: 1_000_000, currency: 'EUR' } }));

    const analyst = await system.token('risk-analyst', 'e2e-analyst');
    const approved = await http('POST', `${system.url('checkout')}/fraud-reviews/${orderId}/approve`, { body: { reason: 'Confirmed with the buyer by phone' }, token: analyst });

    expect(approved).toMatchObject({ status: 200, body: { orderId, fraudReview: { decision: 'approved', decidedBy: 'e2e-analyst' } } });
    const confirmed = await waitForStatus(system, orderId, 'confirmed', 'confirmed');
    expect(confirmed.payment).toEqual({ state: 'authorized' });
    expect((await publishedOnce(orders, orderId, FraudReviewDecidedV1)).data).toMatchObject({
      orderId,
      decision: 'approved',
      decidedBy: 'e2e-analyst',
      reason: 'Confirmed with the buyer by phone',
    });
    expect((await publishedOnce(orders, orderId, PaymentAuthorizedV2)).data.amount).toEqual({ amount: 1_000_000, currency: 'EUR' });
    expect(await shipmentOf(system, orderId)).toMatchObject({ lines: [{ sku: 'RING', quantity: 1 }] });
    await eventually(
      async () => {
        const { revenueEvents } = await downstreamOf(system, orderId);
        expect(revenueEvents).toEqual([expect.objectContaining({ kind: 'deferred', amount: { amount: 1_000_000, currency: 'EUR' } })]);
      },
      { timeoutMs: 30_000 },
    );
    const after = await http('GET', `${system.url('checkout')}/fraud-reviews`);
    expect(after.body.reviews.map((review: { orderId: string }) => review.orderId)).not.toContain(orderId);
    await supportShows(system, orderId, {
      status: 'confirmed',
      cancellation: null,
      fraudReview: { score: 100, reasons: ['large_order'], decision: 'approved' },
      payment: { state: 'authorized', amount: { amount: 1_000_000, currency: 'EUR' } },
      reservation: { status: 'reserved', lines: [{ sku: 'RING', quantity: 1 }] },
    });
  });

  it('rejected by the risk analyst: cancelled (fraud_rejected), never paid, nothing reserved, shipped or recorded', async () => {
    const orderId = await placeOrder(system, aLargeOrderRequest());
    await waitForStatus(system, orderId, 'awaiting_fraud_review', 'awaiting_fraud_review');

    const rejected = await http('POST', `${system.url('checkout')}/fraud-reviews/${orderId}/reject`, {
      body: { reason: 'Card reported stolen' },
      token: await system.token('risk-analyst', 'e2e-analyst'),
    });

    expect(rejected).toMatchObject({ status: 200, body: { orderId, status: 'cancelled', cancellationReason: 'fraud_rejected', payment: { state: 'none' } } });
    await waitForStatus(system, orderId, 'cancelled', 'cancelled');
    expect((await publishedOnce(orders, orderId, FraudReviewDecidedV1)).data).toMatchObject({ orderId, decision: 'rejected' });
    expect((await publishedOnce(orders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'fraud_rejected', paymentWasAuthorized: false, authorizationVoided: false });
    await downstreamCaughtUp(system, 'checkout.orders');
    expect(published(orders, orderId, PaymentAuthorizedV2)).toEqual([]);
    expect(reservations.matching((m) => m.key === orderId)).toEqual([]);
    const { shipments, revenueEvents } = await downstreamOf(system, orderId);
    expect(shipments).toEqual([]);
    expect(revenueEvents).toEqual([]);
    await supportShows(system, orderId, {
      status: 'cancelled',
      cancellation: { reason: 'fraud_rejected', paymentWasAuthorized: false, authorizationVoided: false },
      fraudReview: { decision: 'rejected' },
      payment: { state: 'none' },
      reservation: null,
      shipments: [],
      revenue: [],
    });
  });

  it('confirmed once Fulfillment reserved its stock, once however often that news comes', async () => {
    const orderId = await placeOrder(system);

    const confirmed = await waitForStatus(system, orderId, 'confirmed', 'confirmed');

    expect(confirmed.payment).toEqual({ state: 'authorized' });
    expect((await publishedOnce(orders, orderId, OrderConfirmedV1)).data.orderId).toBe(orderId);
    const reserved = await tappedAbout(reservations, orderId, InventoryReservedV1);
    expect(InventoryReservedV1.parse(reserved.body).data.lines).toEqual(reservedLines);
    const { shipmentId } = await shipmentOf(system, orderId);

    await checkoutHandled(system, await redeliver(system, 'fulfillment.reservations', reserved));

    expect(await orderOf(system, orderId)).toEqual(confirmed);
    await downstreamCaughtUp(system, 'checkout.orders');
    expect(published(orders, orderId, OrderConfirmedV1)).toHaveLength(1);
    const { shipments, revenueEvents } = await downstreamOf(system, orderId);
    expect(shipments).toEqual([expect.objectContaining({ shipmentId, status: 'created' })]);
    expect(revenueEvents).toEqual([expect.objectContaining({ kind: 'deferred' })]);
    await supportShows(system, orderId, { status: 'confirmed', cancellation: null, confirmedAt: expect.any(String), reservation: { status: 'reserved', lines: reservedLines } });
  });

  it('out of stock: nothing is reserved or shipped, the authorization is voided, the order cancelled and its revenue reversed; a replay changes nothing', async () => {
    const scarce = aSku('SCARCE');
    await stock(system, { [scarce]: 1 });
    const orderId = await placeOrder(system, anOrderRequest({ lines: linesOf({ [scarce]: 2 }) }));

    const cancelled = await waitForStatus(system, orderId, 'cancelled', 'cancelled');

    expect(cancelled).toMatchObject({ cancellationReason: 'out_of_stock', payment: { state: 'voided' } });
    expect((await publishedOnce(orders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'out_of_stock', paymentWasAuthorized: true, authorizationVoided: true });
    const failed = await tappedAbout(reservations, orderId, InventoryReservationFailedV1);
    expect(InventoryReservationFailedV1.parse(failed.body).data.unavailable).toEqual([{ sku: scarce, requested: 2, available: 1, reason: 'insufficient_stock' }]);
    const downstream = await eventually(
      async () => {
        const state = await downstreamOf(system, orderId);
        expect(state.revenueEvents).toEqual([expect.objectContaining({ kind: 'deferred' }), expect.objectContaining({ kind: 'reversal' })]);
        return state;
      },
      { timeoutMs: 30_000 },
    );
    expect(downstream.shipments).toEqual([]);
    expect(await stockLevel(system, scarce)).toEqual({ sku: scarce, onHand: 1, reserved: 0, available: 1 });

    await checkoutHandled(system, await redeliver(system, 'fulfillment.reservations', failed));

    expect(await orderOf(system, orderId)).toEqual(cancelled);
    await downstreamCaughtUp(system, 'checkout.orders');
    expect(published(orders, orderId, OrderCancelledV1)).toHaveLength(1);
    const after = await downstreamOf(system, orderId);
    expect(after.shipments).toEqual([]);
    expect(after.revenueEvents).toEqual(downstream.revenueEvents);
    await supportShows(system, orderId, {
      status: 'cancelled',
      cancellation: { reason: 'out_of_stock', paymentWasAuthorized: true, authorizationVoided: true },
      reservation: { status: 'failed', unavailable: [{ sku: scarce, requested: 2, available: 1, reason: 'insufficient_stock' }] },
      payment: { state: 'voided' },
      shipments: [],
      revenue: [{ kind: 'deferred' }, { kind: 'reversal' }],
    });
  });

  it('not answered by Fulfillment before the deadline (it is down): cancelled (timed_out) and voided; its late answer changes nothing and its stock goes back', async () => {
    const orderId = await placeOrder(impatient);
    const waiting = await waitForStatus(impatient, orderId, 'payment_authorized', 'awaiting_inventory');
    expect(waiting.process.deadline).toEqual(expect.any(String));

    const cancelled = await waitForStatus(impatient, orderId, 'cancelled', 'cancelled');

    expect(cancelled).toMatchObject({ cancellationReason: 'timed_out', payment: { state: 'voided' } });
    expect((await publishedOnce(impatientOrders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'timed_out', paymentWasAuthorized: true, authorizationVoided: true });
    // Back up, Fulfillment reads the payment (and reserves) then the cancellation (and releases), in that order.
    await impatient.startInstance('fulfillment');
    const late = await tappedAbout(impatientReservations, orderId, InventoryReservedV1);
    await checkoutHandledTapped(impatient, 'fulfillment.reservations', late);
    await eventually(
      async () => {
        const { shipments, revenueEvents } = await downstreamOf(impatient, orderId);
        // Never released to the warehouse: only Checkout's confirmation does that, and it never came.
        expect(shipments).toEqual([expect.objectContaining({ orderId, status: 'cancelled', releasedAt: null })]);
        expect(revenueEvents).toEqual([expect.objectContaining({ kind: 'deferred' }), expect.objectContaining({ kind: 'reversal' })]);
      },
      { timeoutMs: 30_000 },
    );

    expect(await orderOf(impatient, orderId)).toEqual(cancelled);
    expect(published(impatientOrders, orderId, OrderConfirmedV1)).toEqual([]);
    expect(await stockLevel(impatient, 'MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: plentyOfStock['MUG-BLUE'], reserved: 0, available: plentyOfStock['MUG-BLUE'] });
    // Support records Fulfillment's late answer as news, but the order stays cancelled.
    await supportShows(impatient, orderId, {
      status: 'cancelled',
      cancellation: { reason: 'timed_out', paymentWasAuthorized: true, authorizationVoided: true },
      payment: { state: 'voided' },
      reservation: { status: 'reserved' },
      shipments: [{ status: 'cancelled' }],
    });
  });

  // Cancelling before dispatch: journey.e2e.spec.ts ('cancelled by the buyer once confirmed').
  it('completed once the warehouse dispatches its parcel, after which the buyer can no longer cancel (409); Finance recognizes its revenue and invoices the buyer, once; Support shows both; a replayed dispatch changes nothing', async () => {
    const sku = aSku('SHIP');
    await stock(system, { [sku]: 10 });
    const orderId = await placeOrder(system, anOrderRequest({ lines: linesOf({ [sku]: 2 }) }));
    await waitForStatus(system, orderId, 'confirmed', 'confirmed');
    const { shipmentId } = await releasedShipmentOf(system, orderId);

    const parcel = await walk(system, shipmentId, 'dispatch');

    const completed = await waitForStatus(system, orderId, 'completed', 'completed');
    expect((await publishedOnce(orders, orderId, OrderCompletedV1)).data.orderId).toBe(orderId);
    const refused = await http('POST', `${system.url('checkout')}/orders/${orderId}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, code: 'order_already_dispatched', title: expect.any(String) });
    const dispatched = await tappedAbout(shipmentEvents, orderId, ShipmentDispatchedV1);
    expect(ShipmentDispatchedV1.parse(dispatched.body).data).toMatchObject({ shipmentId, orderId, ...parcel });
    const books = await eventually(
      async () => {
        const { revenueEvents, invoices } = await downstreamOf(system, orderId);
        expect(revenueEvents).toHaveLength(2);
        expect(invoices).toHaveLength(1);
        return { revenueEvents, invoices };
      },
      { timeoutMs: 30_000 },
    );

    const replayed = await redeliver(system, 'fulfillment.shipments', dispatched);
    await checkoutHandled(system, replayed);
    await consumedPast(system.kafka, system.group('finance'), replayed);

    expect(await orderOf(system, orderId)).toEqual(completed);
    await downstreamCaughtUp(system, 'checkout.orders');
    expect(published(orders, orderId, OrderCompletedV1)).toHaveLength(1);
    expect(published(orders, orderId, OrderCancelledV1)).toEqual([]);
    expect(await shipmentOf(system, orderId, 'dispatched')).toMatchObject({ shipmentId, ...parcel });
    expect(await stockLevel(system, sku)).toEqual({ sku, onHand: 8, reserved: 0, available: 8 });
    const { revenueEvents, invoices } = await downstreamOf(system, orderId);
    expect({ revenueEvents, invoices }).toEqual(books);
    const total = { amount: 2500, currency: 'EUR' };
    const [deferred, recognized] = revenueEvents as { revenueEventId: string }[];
    expect(revenueEvents).toEqual([
      expect.objectContaining({ kind: 'deferred', amount: total }),
      expect.objectContaining({
        kind: 'recognized',
        amount: total,
        recognizesRevenueEventId: deferred!.revenueEventId,
        shipmentId,
        lines: [
          { account: 'deferred_revenue', side: 'debit', amount: total },
          { account: 'revenue', side: 'credit', amount: total },
        ],
      }),
    ]);
    const [invoice] = invoices as { invoiceId: string; invoiceNumber: string }[];
    expect(invoice).toMatchObject({
      orderId,
      invoiceNumber: expect.stringMatching(/^\d{4}-\d{6}$/),
      lines: [{ sku, quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' }, lineTotal: total }],
      total,
      payment: { state: 'authorized' },
    });
    expect((await http('GET', `${system.url('finance')}/invoices/${invoice!.invoiceId}`)).body).toEqual(invoice);
    await supportShows(system, orderId, {
      status: 'completed',
      cancellation: null,
      completedAt: expect.any(String),
      shipments: [{ shipmentId, status: 'dispatched', ...parcel, pickedAt: expect.any(String), packedAt: expect.any(String) }],
      revenue: [
        { entryId: deferred!.revenueEventId, kind: 'deferred' },
        { entryId: recognized!.revenueEventId, kind: 'recognized', recognizesEntryId: deferred!.revenueEventId },
      ],
      invoices: [{ invoiceId: invoice!.invoiceId, invoiceNumber: invoice!.invoiceNumber, total }],
    });
    const balance = await http('GET', `${system.url('finance')}/ledger/balance`);
    expect(balance.body.totals).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'EUR', balanced: true })]));
  });

  describe('when Checkout is killed while authorizations are in flight', () => {
    /**
     * A gateway that takes its time — long enough that the kill lands while the last orders'
     * authorizations are still in flight, however slow a busy machine is to notice the first ones —
     * and leases short enough that a dead replica's claims lapse quickly.
     */
    const slowGateway = { PAYMENT_SANDBOX_LATENCY_MS: '1000', ORDER_PROCESS_CLAIM_MS: '2500' };
    const count = 20;

    it('loses no order and authorizes each exactly once: one payment-authorized, one reservation, one shipment, one revenue entry per order', async () => {
      await system.stopInstances('checkout');
      await system.startInstance('checkout', slowGateway);
      const orderIds: string[] = [];
      for (let i = 0; i < count; i += 1) orderIds.push(await placeOrder(system));
      const checkoutDb = system.databases.get('checkout')!.url;
      const authorized = () => countRows(checkoutDb, "SELECT count(*) FROM orders WHERE id = ANY($1::uuid[]) AND payment_state = 'authorized'", [orderIds]);
      await eventually(async () => expect(await authorized()).toBeGreaterThanOrEqual(2), { timeoutMs: 30_000, intervalMs: 10 });

      await system.kill('checkout');
      // The kill must land mid-way, or this journey proves nothing about a restart.
      expect(await authorized()).toBeLessThan(count);
      await system.startInstance('checkout', slowGateway);
      // The killed consumer leaves the group only when its session expires; then the new one holds every partition.
      await everyMemberHolds(system.kafka, system.group('checkout'), system.topics.topic('fulfillment.reservations'), 1);

      for (const orderId of orderIds) {
        expect((await waitForStatus(system, orderId, 'confirmed', 'confirmed')).payment).toEqual({ state: 'authorized' });
      }
      // The sandbox keeps its ledger in Checkout's memory (lost with the kill); what it answered is kept with each order.
      expect(await countRows(checkoutDb, "SELECT count(*) FROM orders WHERE id = ANY($1::uuid[]) AND payment_authorization_id = 'sbx_auth_' || id", [orderIds])).toBe(count);
      await eventually(
        async () => {
          for (const orderId of orderIds) {
            const announced = published(orders, orderId, PaymentAuthorizedV2);
            // A relay killed between the broker's ack and its mark sends the same event again (same id): at least once, never twice decided.
            expect({ orderId, events: new Set(announced.map((event) => event.id)).size, references: new Set(announced.map((event) => event.data.authorizationReference)) }).toEqual(
              {
                orderId,
                events: 1,
                references: new Set([`sbx_auth_${orderId}`]),
              },
            );
          }
        },
        { timeoutMs: 30_000 },
      );
      const oneEachDownstream = async () => {
        for (const orderId of orderIds) {
          const { shipments, revenueEvents } = await downstreamOf(system, orderId);
          expect({ orderId, shipments: shipments.length, revenueEvents: revenueEvents.length }).toEqual({ orderId, shipments: 1, revenueEvents: 1 });
        }
      };
      await eventually(oneEachDownstream, { timeoutMs: 30_000 });
      await downstreamCaughtUp(system, 'checkout.orders');
      await oneEachDownstream();
      const fulfillmentDb = system.databases.get('fulfillment')!.url;
      expect(await countRows(fulfillmentDb, `SELECT count(*) FROM reservations WHERE order_id = ANY($1::uuid[]) AND status = 'reserved'`, [orderIds])).toBe(count);
    });
  });
});
