import { randomUUID } from 'node:crypto';
import { describeAccessMatrix, matrixSubject, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { checkoutService } from '../checkout.service';
import { aLargeOrderRequest, anOrderRequest, orderReaches, placeOrder } from '../testing/checkout-journeys';

jest.setTimeout(180_000);

const buyer = matrixSubject('buyer');
const reason = { reason: 'Checked with the card issuer' };
const line = { quantity: 1, unitPrice: { amount: 500, currency: 'EUR' } };

describe('Checkout: who may call what (real tokens over HTTP, real PostgreSQL and Kafka)', () => {
  let checkout: ServiceUnderTest;
  // The matrix buyer's own things, so that only a rule can refuse them.
  let orderId: string;
  let reviewedOrderId: string;
  let cartId: string;

  beforeAll(async () => {
    checkout = await ServiceUnderTest.start(checkoutService);
    orderId = await placeOrder(checkout, anOrderRequest({ buyerId: buyer }));
    reviewedOrderId = await placeOrder(checkout, aLargeOrderRequest({ buyerId: 'buyer-under-review' }));
    const cart = await checkout.as('buyer', buyer).post('/carts', { currency: 'EUR' });
    cartId = String(cart.body['cartId']);
    // One line for each caller the DELETE row lets in to remove.
    for (const role of ['buyer', 'admin']) await checkout.call('PUT', `/carts/${cartId}/lines/GONE-${role}`, { body: line });
    await orderReaches(checkout, reviewedOrderId, 'awaiting_fraud_review', 'awaiting_fraud_review');
  });

  afterAll(async () => {
    await checkout?.stop();
  });

  const checkoutBody = { paymentToken: 'tok_ok', shippingAddress: anOrderRequest().shippingAddress };

  describeAccessMatrix(
    () => checkout,
    [
      { route: 'POST /orders', allowed: ['buyer'], request: (role) => ({ path: '/orders', body: anOrderRequest({ buyerId: matrixSubject(role) }) }) },
      { route: 'GET /orders', allowed: ['buyer'], request: () => ({ path: '/orders' }) },
      { route: 'GET /orders/:orderId', allowed: ['buyer', 'risk-analyst', 'support'], request: () => ({ path: `/orders/${orderId}` }) },
      { route: 'POST /orders/:orderId/cancel', allowed: ['buyer'], request: () => ({ path: `/orders/${orderId}/cancel` }) },
      { route: 'POST /carts', allowed: ['buyer'], request: () => ({ path: '/carts', body: { currency: 'EUR' } }) },
      { route: 'GET /carts/:cartId', allowed: ['buyer'], request: () => ({ path: `/carts/${cartId}` }) },
      { route: 'PUT /carts/:cartId/lines/:sku', allowed: ['buyer'], request: () => ({ path: `/carts/${cartId}/lines/MUG-BLUE`, body: line }) },
      { route: 'DELETE /carts/:cartId/lines/:sku', allowed: ['buyer'], request: (role) => ({ path: `/carts/${cartId}/lines/GONE-${role}` }) },
      { route: 'POST /carts/:cartId/checkout', allowed: ['buyer'], request: () => ({ path: `/carts/${cartId}/checkout`, body: checkoutBody }) },
      { route: 'GET /fraud-reviews', allowed: ['risk-analyst'], request: () => ({ path: '/fraud-reviews' }) },
      { route: 'POST /fraud-reviews/:orderId/approve', allowed: ['risk-analyst'], request: () => ({ path: `/fraud-reviews/${reviewedOrderId}/approve`, body: reason }) },
      { route: 'POST /fraud-reviews/:orderId/reject', allowed: ['risk-analyst'], request: () => ({ path: `/fraud-reviews/${reviewedOrderId}/reject`, body: reason }) },
      // Erasure is an administrator's alone (a buyer with no orders: nothing to erase, 204).
      { route: 'DELETE /buyers/:buyerId/personal-data', allowed: [], request: () => ({ path: '/buyers/nobody-at-all/personal-data' }) },
    ],
  );

  describe('ownership', () => {
    const stranger = () => checkout.as('buyer', 'buyer-stranger');

    it('answers 404 to a buyer reaching another buyer’s order or cart, as for one that does not exist, and changes nothing', async () => {
      const owner = checkout.as('buyer', 'buyer-owner');
      const theirOrder = await placeOrder(checkout, anOrderRequest({ buyerId: owner.subject }));
      const theirCart = String((await owner.post('/carts', { currency: 'EUR' })).body['cartId']);

      const answers = await Promise.all([
        stranger().get(`/orders/${theirOrder}`),
        stranger().post(`/orders/${theirOrder}/cancel`, {}),
        stranger().get(`/carts/${theirCart}`),
        stranger().call('PUT', `/carts/${theirCart}/lines/TEA-EARL`, { body: line }),
        stranger().call('DELETE', `/carts/${theirCart}/lines/TEA-EARL`),
        stranger().post(`/carts/${theirCart}/checkout`, checkoutBody),
        stranger().get(`/orders/${randomUUID()}`),
      ]);

      expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual([
        [404, 'order_not_found'],
        [404, 'order_not_found'],
        [404, 'cart_not_found'],
        [404, 'cart_not_found'],
        [404, 'cart_not_found'],
        [404, 'cart_not_found'],
        [404, 'order_not_found'],
      ]);
      expect((await owner.get(`/orders/${theirOrder}`)).body['status']).not.toBe('cancelled');
      expect((await owner.get(`/carts/${theirCart}`)).body).toMatchObject({ status: 'open', lines: [] });
    });

    it('refuses an order or cart for someone else (403 buyer_mismatch) and writes nothing', async () => {
      const before = await checkout.count('orders');

      const order = await stranger().post('/orders', anOrderRequest({ buyerId: buyer }));
      const cart = await stranger().post('/carts', { buyerId: buyer, currency: 'EUR' });

      expect([order.status, order.body['code'], cart.status, cart.body['code']]).toEqual([403, 'buyer_mismatch', 403, 'buyer_mismatch']);
      expect(await checkout.count('orders')).toBe(before);
    });

    it('places an order for the caller when the body names no buyer', async () => {
      const placed = await stranger().post('/orders', anOrderRequest({ buyerId: undefined }));

      expect((await stranger().get(`/orders/${String(placed.body['orderId'])}`)).body['buyerId']).toBe('buyer-stranger');
    });

    it('lists only the caller’s own orders, newest first, a page at a time', async () => {
      const mine = checkout.as('buyer', `buyer-${randomUUID()}`);
      const placed: string[] = [];
      for (let i = 0; i < 3; i++) placed.push(String((await mine.post('/orders', anOrderRequest({ buyerId: undefined }))).body['orderId']));

      const first = await mine.get<{ orders: { orderId: string }[]; nextCursor?: string }>('/orders?limit=2');
      const second = await mine.get<{ orders: { orderId: string }[]; nextCursor?: string }>(`/orders?limit=2&cursor=${first.body.nextCursor}`);

      expect(first.body.orders.map((order) => order.orderId)).toEqual([placed[2], placed[1]]);
      expect(second.body).toEqual({ orders: [expect.objectContaining({ orderId: placed[0], lineCount: 2, total: { amount: 3399, currency: 'EUR' } })] });
      expect((await mine.get('/orders?limit=1000')).status).toBe(400);
      expect((await mine.get('/orders?cursor=not-a-cursor')).body['code']).toBe('invalid_request');
    });
  });

  describe('four eyes', () => {
    it('refuses an analyst deciding the review of their own order (403), whatever their roles, and the order stays in review', async () => {
      const analyst = 'analyst-who-shops';
      const own = await placeOrder(checkout, aLargeOrderRequest({ buyerId: analyst }));
      await orderReaches(checkout, own, 'awaiting_fraud_review', 'awaiting_fraud_review');

      const approved = await checkout.as('risk-analyst', analyst).post(`/fraud-reviews/${own}/approve`, reason);
      const rejected = await checkout.as(['risk-analyst', 'admin'], analyst).post(`/fraud-reviews/${own}/reject`, reason);

      expect([approved.status, approved.contentType?.split(';')[0], approved.body['code']]).toEqual([403, 'application/problem+json', 'fraud_review_by_buyer']);
      expect([rejected.status, rejected.body['code']]).toEqual([403, 'fraud_review_by_buyer']);
      expect((await checkout.get(`/orders/${own}`)).body).toMatchObject({ status: 'awaiting_fraud_review', fraudReview: { decision: 'pending' } });
    });

    it('requires a reason for a decision', async () => {
      const answers = await Promise.all([
        checkout.as('risk-analyst').post(`/fraud-reviews/${reviewedOrderId}/approve`, {}),
        checkout.as('risk-analyst').post(`/fraud-reviews/${reviewedOrderId}/reject`, { reason: '  ' }),
        checkout.as('risk-analyst').post(`/fraud-reviews/${reviewedOrderId}/reject`, { reason: 'x'.repeat(1001) }),
      ]);

      expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual([
        [400, 'invalid_request'],
        [400, 'invalid_request'],
        [400, 'invalid_request'],
      ]);
    });
  });
});
