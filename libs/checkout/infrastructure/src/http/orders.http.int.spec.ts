import { randomBytes, randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually, TopicTap, withData, withKey } from '@bazaar/platform-testing';
import { CartCheckedOutV2, EventHeaders, Topics } from '@bazaar/published-language';
import { checkoutService } from '../checkout.service';

jest.setTimeout(60_000);

const line = (overrides: Record<string, unknown> = {}) => ({ sku: 'MUG-BLUE', quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' }, ...overrides });

const anOrderRequest = (overrides: Record<string, unknown> = {}) => ({
  buyerId: 'buyer-42',
  lines: [line(), line({ sku: 'TEA-EARL', quantity: 1, unitPrice: { amount: 899, currency: 'EUR' } })],
  paymentToken: 'tok_ok',
  shippingAddress: { name: 'Ada Lovelace', line1: "12 St James's Square", city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
  ...overrides,
});

describe('Checkout over HTTP (real PostgreSQL and Kafka)', () => {
  let checkout: ServiceUnderTest;
  let orders: TopicTap;

  beforeAll(async () => {
    checkout = await ServiceUnderTest.start(checkoutService);
    orders = await checkout.namespace.tap(Topics.checkoutOrders);
  });

  afterAll(async () => {
    await checkout?.stop();
  });

  // Placed orders go on through their process (more outbox rows), so count what placing writes.
  const ordersAndOutboxRows = async () => ({
    orders: await checkout.count('orders'),
    outbox: await checkout.count(`outbox WHERE event_type = 'checkout.cart-checked-out.v2'`),
  });

  it('places an order (201) and shows it in Checkout’s language, its payment and where its process stands', async () => {
    const placed = await checkout.post('/orders', anOrderRequest());

    expect(placed.status).toBe(201);
    expect(placed.body).toEqual({ orderId: expect.any(String), status: 'placed' });
    const orderId = String(placed.body['orderId']);
    const shown = await eventually(async () => {
      const answer = await checkout.get(`/orders/${orderId}`);
      expect(answer.body).toMatchObject({ status: 'payment_authorized', process: { pending: [] } });
      return answer;
    });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      orderId,
      buyerId: 'buyer-42',
      status: 'payment_authorized',
      lines: [
        { sku: 'MUG-BLUE', quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' }, lineTotal: { amount: 2500, currency: 'EUR' } },
        { sku: 'TEA-EARL', quantity: 1, unitPrice: { amount: 899, currency: 'EUR' }, lineTotal: { amount: 899, currency: 'EUR' } },
      ],
      total: { amount: 3399, currency: 'EUR' },
      shippingAddress: anOrderRequest().shippingAddress,
      personalData: 'present',
      placedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      payment: { state: 'authorized' },
      process: { step: 'awaiting_inventory', pending: [], attempts: 0, deadline: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
  });

  it('refuses a payment token the gateway does not know (422 unknown_payment_token) and places nothing', async () => {
    const before = await ordersAndOutboxRows();

    const refused = await checkout.post('/orders', anOrderRequest({ paymentToken: 'tok_4242' }));

    expect(refused).toMatchObject({ status: 422, body: { code: 'unknown_payment_token' } });
    expect(refused.contentType).toContain('application/problem+json');
    expect(await ordersAndOutboxRows()).toEqual(before);
  });

  it('publishes CartCheckedOutV2 to checkout.orders, carrying the request’s correlation id and trace, never the payment token', async () => {
    // A token the sandbox knows; no message about the order may contain it.
    const correlationId = randomUUID();
    const traceId = randomBytes(16).toString('hex');
    const placed = await checkout.post('/orders', anOrderRequest({ paymentToken: 'tok_declined' }), {
      'x-correlation-id': correlationId,
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });
    const orderId = String(placed.body['orderId']);

    const [message] = await orders.waitFor(withData('orderId', orderId));

    const envelope = CartCheckedOutV2.parse(message!.body);
    expect(message!.key).toBe(orderId);
    expect(envelope.data).toMatchObject({ orderId, buyerId: 'buyer-42', total: { amount: 3399, currency: 'EUR' } });
    expect(envelope.correlationId).toBe(correlationId);
    expect(envelope.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(message!.headers[EventHeaders.correlationId]).toBe(correlationId);
    expect(message!.value).not.toContain('tok_declined');
    const [, ...later] = await orders.waitFor(withKey(orderId), { count: 3 });
    expect(later.map((m) => m.headers[EventHeaders.type])).toEqual(['checkout.payment-failed.v1', 'checkout.order-cancelled.v1']);
    expect(later.map((m) => m.value).join()).not.toContain('tok_declined');
  });

  it('places a new order for every POST without an Idempotency-Key', async () => {
    const first = await checkout.post('/orders', anOrderRequest());
    const second = await checkout.post('/orders', anOrderRequest());

    expect(second.body['orderId']).not.toBe(first.body['orderId']);
  });

  it('answers the same Idempotency-Key and body with the same order, placing it once', async () => {
    const key = randomUUID();

    const first = await checkout.post('/orders', anOrderRequest(), { 'idempotency-key': key });
    const again = await checkout.post('/orders', anOrderRequest(), { 'idempotency-key': key });

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const orderId = String(first.body['orderId']);
    expect(await checkout.count('orders WHERE id = $1', [orderId])).toBe(1);
    expect(await checkout.count("outbox WHERE payload->>'aggregateId' = $1 AND event_type = 'checkout.cart-checked-out.v2'", [orderId])).toBe(1);
  });

  it('refuses the same Idempotency-Key with another body (422 idempotency_key_reused)', async () => {
    const key = randomUUID();
    await checkout.post('/orders', anOrderRequest(), { 'idempotency-key': key });
    const before = await ordersAndOutboxRows();

    const reused = await checkout.post('/orders', anOrderRequest({ buyerId: 'buyer-43' }), { 'idempotency-key': key });

    expect(reused.status).toBe(422);
    expect(reused.contentType).toContain('application/problem+json');
    expect(reused.body['code']).toBe('idempotency_key_reused');
    expect(await ordersAndOutboxRows()).toEqual(before);
  });

  it('places one order when several requests with the same key race', async () => {
    const key = randomUUID();

    const answers = await Promise.all(Array.from({ length: 8 }, () => checkout.post('/orders', anOrderRequest(), { 'idempotency-key': key })));

    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    const ids = new Set(answers.map((answer) => answer.body['orderId']));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    expect(await checkout.count('orders WHERE id = $1', [orderId])).toBe(1);
    expect(await checkout.count('idempotency_keys WHERE key = $1', [key])).toBe(1);
    expect(await checkout.count("outbox WHERE payload->>'aggregateId' = $1 AND event_type = 'checkout.cart-checked-out.v2'", [orderId])).toBe(1);
  });

  const refused: { case: string; body: unknown; status: number; code: string; headers?: Record<string, string> }[] = [
    { case: '51 lines', body: anOrderRequest({ lines: Array.from({ length: 51 }, (_, i) => line({ sku: `SKU-${i}` })) }), status: 422, code: 'order_line_limit_exceeded' },
    { case: 'a quantity of 0', body: anOrderRequest({ lines: [line({ quantity: 0 })] }), status: 422, code: 'invalid_quantity' },
    { case: 'mixed currencies', body: anOrderRequest({ lines: [line(), line({ sku: 'B', unitPrice: { amount: 100, currency: 'USD' } })] }), status: 422, code: 'mixed_currencies' },
    { case: 'a negative price', body: anOrderRequest({ lines: [line({ unitPrice: { amount: -100, currency: 'EUR' } })] }), status: 422, code: 'non_positive_price' },
    { case: 'no lines', body: anOrderRequest({ lines: [] }), status: 422, code: 'order_has_no_lines' },
    { case: 'the same SKU twice', body: anOrderRequest({ lines: [line(), line()] }), status: 422, code: 'duplicate_sku' },
    { case: 'an unknown field', body: anOrderRequest({ coupon: 'FREE' }), status: 400, code: 'invalid_request' },
    { case: 'an unknown nested field', body: anOrderRequest({ lines: [line({ discount: 5 })] }), status: 400, code: 'invalid_request' },
    { case: 'a lower-case currency', body: anOrderRequest({ lines: [line({ unitPrice: { amount: 100, currency: 'eur' } })] }), status: 400, code: 'invalid_request' },
    { case: 'three letters that are no currency', body: anOrderRequest({ lines: [line({ unitPrice: { amount: 100, currency: 'ABC' } })] }), status: 400, code: 'invalid_request' },
    {
      case: 'gold (XAU), which buyers do not pay with',
      body: anOrderRequest({ lines: [line({ unitPrice: { amount: 100, currency: 'XAU' } })] }),
      status: 400,
      code: 'invalid_request',
    },
    { case: 'the test currency XTS', body: anOrderRequest({ lines: [line({ unitPrice: { amount: 100, currency: 'XTS' } })] }), status: 400, code: 'invalid_request' },
    {
      case: 'a currency with no fraud review threshold',
      body: anOrderRequest({ lines: [line({ unitPrice: { amount: 100, currency: 'SEK' } })] }),
      status: 422,
      code: 'currency_not_accepted',
    },
    { case: 'a fractional amount', body: anOrderRequest({ lines: [line({ unitPrice: { amount: 12.5, currency: 'EUR' } })] }), status: 400, code: 'invalid_request' },
    { case: 'a three-letter country', body: anOrderRequest({ shippingAddress: { ...anOrderRequest().shippingAddress, country: 'GBR' } }), status: 400, code: 'invalid_request' },
    { case: 'malformed JSON', body: '{"buyerId": "buyer-42", "lines": [', status: 400, code: 'malformed_json' },
    { case: 'an Idempotency-Key over 200 characters', body: anOrderRequest(), status: 400, code: 'invalid_request', headers: { 'idempotency-key': 'k'.repeat(201) } },
  ];

  // Object rows: with positional rows of uneven length Jest would take a missing argument for `done`.
  it.each(refused)('refuses $case with a problem and stores nothing', async ({ body, status, code, headers }) => {
    const before = await ordersAndOutboxRows();

    const answer = await checkout.post('/orders', body, headers);

    expect(answer.status).toBe(status);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status, code });
    expect(await ordersAndOutboxRows()).toEqual(before);
  });

  it('names the currency field that holds no currency', async () => {
    const answer = await checkout.post('/orders', anOrderRequest({ lines: [line(), line({ sku: 'B', unitPrice: { amount: 100, currency: 'XPD' } })] }));

    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual([expect.objectContaining({ path: 'lines.1.unitPrice.currency' })]);
  });

  it('answers 404 order_not_found for an unknown order and 400 for an id that is not a UUID', async () => {
    const unknown = await checkout.get(`/orders/${randomUUID()}`);
    const malformed = await checkout.get('/orders/not-a-uuid');

    expect(unknown).toMatchObject({ status: 404, body: { code: 'order_not_found' } });
    expect(unknown.contentType).toContain('application/problem+json');
    expect(malformed).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
  });

  it('documents its routes in OpenAPI', async () => {
    const document = await checkout.get('/docs/openapi.json');

    expect(Object.keys(document.body['paths'] as object)).toEqual(
      expect.arrayContaining([
        '/orders',
        '/orders/{orderId}',
        '/orders/{orderId}/cancel',
        '/carts',
        '/carts/{cartId}',
        '/carts/{cartId}/lines/{sku}',
        '/carts/{cartId}/checkout',
        '/fraud-reviews',
        '/fraud-reviews/{orderId}/approve',
        '/fraud-reviews/{orderId}/reject',
      ]),
    );
  });
});
