import { randomUUID } from 'node:crypto';
import { CartCheckedOutV2, EventHeaders, InventoryReservedV1, OrderCancelledV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { anEvent, caughtUp, eventually, kafkaMessage, TappedMessage, TopicTap, withKey } from '@bazaar/platform-testing';
import { redeliver } from './support/checkout';
import { countRows, downstreamCaughtUp, downstreamOf, fullyProjected } from './support/downstream';
import { http } from './support/http';
import { anOrderRequest, lines, plentyOfStock } from './support/orders';
import { System } from './support/system';
import { stock, stockLevel } from './support/warehouse';

describe('An order placed in Checkout reaches every context, only through Kafka', () => {
  let system: System;
  let orders: TopicTap;
  let reservations: TopicTap;
  const deadLetters = new Map<string, TopicTap>();

  beforeAll(async () => {
    system = await System.start();
    await stock(system, plentyOfStock);
    orders = await system.topics.tap('checkout.orders');
    reservations = await system.topics.tap('fulfillment.reservations');
    for (const context of ['fulfillment', 'finance', 'support']) deadLetters.set(context, await system.topics.tap(`${context}.dead-letters`));
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** The order's message of one contract on checkout.orders, as Checkout published it. */
  const publishedAbout = async (orderId: string, contract: { wireType: string }): Promise<TappedMessage> => {
    const [message] = await orders.waitFor((m) => m.key === orderId && m.headers[EventHeaders.type] === contract.wireType);
    return message!;
  };

  it('once paid and its stock reserved, is confirmed and becomes a shipment, a deferred revenue entry and a case-order view with its timeline', async () => {
    const before = await stockLevel(system, 'MUG-BLUE');
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest() });
    expect(placed.status).toBe(201);
    expect(placed.body).toEqual({ orderId: expect.any(String), status: 'placed' });
    const { orderId } = placed.body;

    const { shipments, revenueEvents, view } = await fullyProjected(system, orderId);
    expect(shipments[0]).toMatchObject({
      orderId,
      status: 'created',
      lines: [
        { sku: 'MUG-BLUE', quantity: 2 },
        { sku: 'TEA-EARL', quantity: 1 },
      ],
    });
    expect(revenueEvents[0]).toMatchObject({ orderId, kind: 'deferred', amount: { amount: 3399, currency: 'EUR' } });
    const { shipmentId } = shipments[0] as { shipmentId: string };
    const { revenueEventId } = revenueEvents[0] as { revenueEventId: string };
    expect(view).toMatchObject({
      status: 'confirmed',
      checkout: { total: { amount: 3399, currency: 'EUR' } },
      payment: { state: 'authorized', amount: { amount: 3399, currency: 'EUR' }, authorizationReference: expect.any(String) },
      fraudReview: null,
      reservation: {
        status: 'reserved',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2 },
          { sku: 'TEA-EARL', quantity: 1 },
        ],
      },
      confirmedAt: expect.any(String),
      cancellation: null,
      shipments: [{ shipmentId, status: 'created' }],
      revenue: [{ entryId: revenueEventId, kind: 'deferred', amount: { amount: 3399, currency: 'EUR' } }],
    });
    expect(view.timeline.map((entry: { type: string }) => entry.type).sort()).toEqual([
      'checkout.cart-checked-out',
      'checkout.order-confirmed',
      'checkout.payment-authorized',
      'finance.revenue-deferred',
      'fulfillment.inventory-reserved',
      'fulfillment.shipment-created',
    ]);
    const order = await http('GET', `${system.url('checkout')}/orders/${orderId}`);
    expect(order.body).toMatchObject({ orderId, status: 'confirmed', payment: { state: 'authorized' }, total: { amount: 3399, currency: 'EUR' } });
    // Held for the order, still on the shelf until dispatch (the journeys of this file run one after another).
    expect(await stockLevel(system, 'MUG-BLUE')).toEqual({ ...before, reserved: before.reserved + 2, available: before.available - 2 });
  });

  it('is cancelled for payment_declined when its payment is declined, and nothing reaches Fulfillment or Finance', async () => {
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest({ paymentToken: 'tok_declined' }) });
    expect(placed.status).toBe(201);
    const { orderId } = placed.body;

    await eventually(
      async () => {
        const order = await http('GET', `${system.url('checkout')}/orders/${orderId}`);
        expect(order.body).toMatchObject({ orderId, status: 'cancelled', cancellationReason: 'payment_declined' });
      },
      { timeoutMs: 20_000 },
    );
    const cancelled = OrderCancelledV1.parse((await publishedAbout(orderId, OrderCancelledV1)).body);
    expect(cancelled.data).toMatchObject({ reason: 'payment_declined', paymentWasAuthorized: false });
    await downstreamCaughtUp(system, 'checkout.orders');

    expect(orders.matching((m) => m.key === orderId && m.headers[EventHeaders.type] === PaymentAuthorizedV2.wireType)).toEqual([]);
    const { shipments, revenueEvents, view } = await downstreamOf(system, orderId);
    expect(shipments).toEqual([]);
    expect(revenueEvents).toEqual([]);
    // Support has read everything Checkout published about the order (caught up above).
    expect(view).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'payment_declined', paymentWasAuthorized: false, authorizationVoided: false },
      payment: { state: 'failed', failureReason: 'declined', amount: null },
      shipments: [],
      revenue: [],
    });
    expect(view.timeline.map((entry: { type: string }) => entry.type).sort()).toEqual(['checkout.cart-checked-out', 'checkout.order-cancelled', 'checkout.payment-failed']);
  });

  it('cancelled by the buyer once confirmed: its stock is released, its shipment cancelled and its deferred revenue reversed, and nobody is invoiced', async () => {
    const sku = `CANCEL-${randomUUID().slice(0, 8)}`;
    await stock(system, { [sku]: 5 });
    const request = anOrderRequest({ lines: [{ sku, quantity: 3, unitPrice: { amount: 1133, currency: 'EUR' } }] });
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: request });
    const { orderId } = placed.body;
    const projected = await fullyProjected(system, orderId);
    const shipment = projected.shipments[0] as { shipmentId: string };
    expect(await stockLevel(system, sku)).toEqual({ sku, onHand: 5, reserved: 3, available: 2 });

    const cancelled = await http('POST', `${system.url('checkout')}/orders/${orderId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ orderId, status: 'cancelled', cancellationReason: 'buyer_cancelled' });

    const { revenueEvents, invoices, view } = await eventually(
      async () => {
        const state = await downstreamOf(system, orderId);
        expect(state.shipments).toEqual([expect.objectContaining({ shipmentId: shipment.shipmentId, status: 'cancelled' })]);
        expect(state.revenueEvents).toEqual([expect.objectContaining({ kind: 'deferred' }), expect.objectContaining({ kind: 'reversal' })]);
        expect(state.view?.status).toBe('cancelled');
        expect(state.view?.revenue).toHaveLength(2);
        expect(state.view?.shipments).toEqual([expect.objectContaining({ status: 'cancelled' })]);
        return state;
      },
      { timeoutMs: 20_000 },
    );
    expect(await stockLevel(system, sku)).toEqual({ sku, onHand: 5, reserved: 0, available: 5 });
    const [deferred, reversal] = revenueEvents as { revenueEventId: string; amount: unknown }[];
    expect(view).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'buyer_cancelled', paymentWasAuthorized: true, authorizationVoided: true },
      payment: { state: 'voided', amount: deferred!.amount },
      shipments: [{ shipmentId: shipment.shipmentId, status: 'cancelled', cancelledAt: expect.any(String), dispatchedAt: null }],
      revenue: [
        { entryId: deferred!.revenueEventId, kind: 'deferred', reversesEntryId: null },
        { entryId: reversal!.revenueEventId, kind: 'reversal', amount: deferred!.amount, reversesEntryId: deferred!.revenueEventId },
      ],
      invoices: [],
    });
    expect(invoices).toEqual([]);
    expect(reversal).toMatchObject({
      amount: deferred!.amount,
      reversesRevenueEventId: deferred!.revenueEventId,
      lines: [
        { account: 'deferred_revenue', side: 'debit', amount: deferred!.amount },
        { account: 'accounts_receivable', side: 'credit', amount: deferred!.amount },
      ],
    });
  });

  it('answers the same Idempotency-Key with the same order and creates nothing twice downstream', async () => {
    const key = randomUUID();
    const request = anOrderRequest();
    const first = await http('POST', `${system.url('checkout')}/orders`, { body: request, headers: { 'idempotency-key': key } });
    const second = await http('POST', `${system.url('checkout')}/orders`, { body: request, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.body.orderId).toBe(first.body.orderId);

    await fullyProjected(system, first.body.orderId);
    await downstreamCaughtUp(system, 'checkout.orders');
    const after = await downstreamOf(system, first.body.orderId);
    expect(after.shipments).toHaveLength(1);
    expect(after.revenueEvents).toHaveLength(1);
    const other = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest(), headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
  });

  const badRequests: [string, { body?: unknown; raw?: string }, number, string][] = [
    ['51 lines', { body: anOrderRequest({ lines: lines(51) }) }, 422, 'order_line_limit_exceeded'],
    ['quantity 0', { body: anOrderRequest({ lines: [{ sku: 'A', quantity: 0, unitPrice: { amount: 100, currency: 'EUR' } }] }) }, 422, 'invalid_quantity'],
    [
      'mixed currencies',
      {
        body: anOrderRequest({
          lines: [
            { sku: 'A', quantity: 1, unitPrice: { amount: 100, currency: 'EUR' } },
            { sku: 'B', quantity: 1, unitPrice: { amount: 100, currency: 'USD' } },
          ],
        }),
      },
      422,
      'mixed_currencies',
    ],
    ['a negative price', { body: anOrderRequest({ lines: [{ sku: 'A', quantity: 1, unitPrice: { amount: -5, currency: 'EUR' } }] }) }, 422, 'non_positive_price'],
    ['no lines', { body: anOrderRequest({ lines: [] }) }, 422, 'order_has_no_lines'],
    ['an unknown field', { body: anOrderRequest({ coupon: 'FREE' }) }, 400, 'invalid_request'],
    ['malformed JSON', { raw: '{"buyerId": "b1", "lines": [' }, 400, 'malformed_json'],
  ];

  it.each(badRequests)('rejects %s with problem+json, writing and publishing nothing', async (_case, request, status, code) => {
    const checkoutDb = system.databases.get('checkout')!.url;
    const before = await countRows(checkoutDb, 'SELECT count(*) FROM outbox');
    const response = await http('POST', `${system.url('checkout')}/orders`, request);
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, code, title: expect.any(String) });
    expect(await countRows(checkoutDb, 'SELECT count(*) FROM outbox')).toBe(before);
  });

  it('lets in only verified callers with the right role, hides other buyers’ orders and keeps analysts off their own', async () => {
    const request = anOrderRequest();
    const buyer = await system.token('buyer', request.buyerId);
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: request, token: buyer });
    const orderId = String(placed.body.orderId);

    const anonymous = await http('GET', `${system.url('checkout')}/orders/${orderId}`, { token: null });
    const forged = await http('GET', `${system.url('checkout')}/orders/${orderId}`, { token: await system.issuer.stranger('admin', 'mallory') });
    const warehouse = await http('GET', `${system.url('checkout')}/orders/${orderId}`, { token: await system.token('warehouse') });
    const otherBuyer = await http('GET', `${system.url('checkout')}/orders/${orderId}`, { token: await system.token('buyer', 'someone-else') });
    const ownView = await http('GET', `${system.url('checkout')}/orders/${orderId}`, { token: buyer });
    const supportView = await http('GET', `${system.url('support')}/case-order-views/${orderId}`, { token: buyer });

    expect([anonymous, forged, warehouse, otherBuyer, ownView, supportView].map((answer) => [answer.status, answer.body?.code])).toEqual([
      [401, 'token_missing'],
      [401, 'token_invalid'],
      [403, 'role_not_allowed'],
      [404, 'order_not_found'],
      [200, undefined],
      [403, 'role_not_allowed'],
    ]);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(anonymous.contentType).toContain('application/problem+json');

    const analystsOwn = anOrderRequest({ buyerId: 'analyst-who-shops', lines: [{ sku: 'RING', quantity: 1, unitPrice: { amount: 1_000_000, currency: 'EUR' } }] });
    const ownOrder = (await http('POST', `${system.url('checkout')}/orders`, { body: analystsOwn, token: await system.token('buyer', 'analyst-who-shops') })).body.orderId;
    await eventually(async () => expect((await http('GET', `${system.url('checkout')}/orders/${ownOrder}`)).body.status).toBe('awaiting_fraud_review'));
    const selfApproved = await http('POST', `${system.url('checkout')}/fraud-reviews/${ownOrder}/approve`, {
      body: { reason: 'Looks fine to me' },
      token: await system.token('risk-analyst', 'analyst-who-shops'),
    });
    expect([selfApproved.status, selfApproved.body.code]).toEqual([403, 'fraud_review_by_buyer']);
  });

  it('ignores a copy of an already-consumed message, whoever produced it', async () => {
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest() });
    const { orderId } = placed.body;
    const projected = await fullyProjected(system, orderId);
    const copies = [await publishedAbout(orderId, CartCheckedOutV2), await publishedAbout(orderId, PaymentAuthorizedV2)];
    const [reserved] = await reservations.waitFor((m) => m.key === orderId && m.headers[EventHeaders.type] === InventoryReservedV1.wireType);
    const order = (await http('GET', `${system.url('checkout')}/orders/${orderId}`)).body;
    const level = await stockLevel(system, 'TEA-EARL');

    await system.topics.send('checkout.orders', ...copies.map((original) => ({ key: original.key, value: original.value, headers: { ...original.headers } })));
    await redeliver(system, 'fulfillment.reservations', reserved!);
    await downstreamCaughtUp(system, 'checkout.orders');
    for (const name of ['checkout', 'support'] as const) await caughtUp(system.kafka, system.group(name), system.topics.topic('fulfillment.reservations'));

    const after = await downstreamOf(system, orderId);
    expect(after.shipments).toEqual(projected.shipments);
    expect(after.revenueEvents).toEqual(projected.revenueEvents);
    expect(after.view.timeline).toEqual(projected.view.timeline);
    expect((await http('GET', `${system.url('checkout')}/orders/${orderId}`)).body).toEqual(order);
    // The payment's copy reserved nothing more (the journeys of this file run one after another).
    expect(await stockLevel(system, 'TEA-EARL')).toEqual(level);
  });

  it('dead-letters a malformed message and still processes the messages behind it on that partition', async () => {
    const orderId = randomUUID();
    await system.topics.send('checkout.orders', { key: orderId, value: '<<not an event>>' });
    // The next message on the same partition (same key): a valid payment authorized for a new order (a v1, as the old history holds).
    const next = anEvent(PaymentAuthorizedV1, { aggregateId: orderId, data: { orderId } });
    await system.topics.send('checkout.orders', { ...kafkaMessage(next), key: orderId });

    await eventually(
      async () => {
        const { shipments, revenueEvents } = await downstreamOf(system, orderId);
        expect(shipments).toEqual([expect.objectContaining({ orderId, status: 'created' })]);
        expect(revenueEvents).toEqual([expect.objectContaining({ orderId, kind: 'deferred' })]);
      },
      { timeoutMs: 20_000 },
    );
    // Support, too, read past the refused message: it shows the payment, on a view without a checkout.
    await downstreamCaughtUp(system, 'checkout.orders');
    const { view } = await downstreamOf(system, orderId);
    expect(view).toMatchObject({ status: 'payment_authorized', checkout: null, payment: { state: 'authorized' } });
    for (const [context, tap] of deadLetters) {
      const [parked] = await tap.waitFor(withKey(orderId));
      expect({ context, value: parked!.value }).toEqual({ context, value: '<<not an event>>' });
      expect(parked!.headers['bazaar-dlt-error']).toContain('Malformed');
    }
  });
});
