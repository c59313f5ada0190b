import { randomUUID } from 'node:crypto';
import type { ServiceConfig } from '@bazaar/platform-service';
import { request, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { checkoutService } from '../checkout.service';
import { defaultCheckoutSettings } from '../checkout-settings';

jest.setTimeout(90_000);

const anOrderRequest = () => ({
  buyerId: 'buyer-42',
  lines: [{ sku: 'MUG-BLUE', quantity: 1, unitPrice: { amount: 1250, currency: 'EUR' } }],
  paymentToken: 'tok_ok',
  shippingAddress: { name: 'Ada Lovelace', line1: "12 St James's Square", city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
});

// Checkout with a quick purge of expired keys.
const checkout = (config: ServiceConfig) => checkoutService(config, { ...defaultCheckoutSettings, idempotency: { ttlSeconds: 3_600, purgeIntervalMs: 100 } });

describe('Checkout’s Idempotency-Keys are the caller’s own, expire and are bounded (real PostgreSQL and Kafka)', () => {
  let service: ServiceUnderTest;
  /** Places the order as the buyer `subject` (its body's buyer), under the Idempotency-Key `key`. */
  const place = (key: string, subject: string, body: object = anOrderRequest()) =>
    service.post<{ orderId: string; code?: string }>('/orders', { ...body, buyerId: subject }, { 'idempotency-key': key }, { role: 'buyer', subject });

  beforeAll(async () => {
    service = await ServiceUnderTest.start(checkout);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('answers the same caller’s repeat with its order, and places another for another caller using the same key', async () => {
    const key = randomUUID();
    const ada = await place(key, 'ada');
    const adaAgain = await place(key, 'ada');
    const grace = await place(key, 'grace');

    expect([ada.status, adaAgain.status, grace.status]).toEqual([201, 201, 201]);
    expect(adaAgain.body.orderId).toBe(ada.body.orderId);
    expect(grace.body.orderId).not.toBe(ada.body.orderId);
    expect(await service.count('idempotency_keys WHERE key = $1', [key])).toBe(2);
  });

  it('frees a key once it expired: the next request with it places a new order, whatever its body', async () => {
    const key = randomUUID();
    const first = await place(key, 'ada');
    await service.query(`UPDATE idempotency_keys SET created_at = now() - interval '2 hours' WHERE key = $1`, [key]);

    const later = await place(key, 'ada', { ...anOrderRequest(), paymentToken: 'tok_declined' });

    expect(later.status).toBe(201);
    expect(later.body.orderId).not.toBe(first.body.orderId);
  });

  it('purges expired keys and keeps the live ones', async () => {
    const expired = randomUUID();
    const live = randomUUID();
    await place(expired, 'ada');
    await place(live, 'ada');
    await service.query(`UPDATE idempotency_keys SET created_at = now() - interval '2 hours' WHERE key = $1`, [expired]);

    await eventually(async () => expect(await service.count('idempotency_keys WHERE key = $1', [expired])).toBe(0));
    expect(await service.count('idempotency_keys WHERE key = $1', [live])).toBe(1);
  });

  it.each([
    ['a key with a space', 'two words'],
    ['a key of 201 characters', 'k'.repeat(201)],
  ])('refuses %s with 400 naming the header, placing nothing', async (_, key) => {
    const before = await service.count('orders');
    const answer = await place(key, 'ada');

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'invalid_request', errors: [{ path: 'header.Idempotency-Key' }] });
    expect(await service.count('orders')).toBe(before);
  });
});

describe('Checkout rate limits over two replicas (real Redis)', () => {
  const limit = 20;
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await ServiceUnderTest.start(checkout, { instances: 2, env: { RATE_LIMIT_WRITE_POINTS: String(limit), RATE_LIMIT_WRITE_DURATION_S: '300' } });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('takes one caller’s writes from one bucket whichever replica serves them: past the limit, every request is refused', async () => {
    const attempts = 100;
    const statuses: number[] = [];
    const asBuyer = async (subject: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${await service.issuer.token(['buyer'], subject)}` });
    const greedy = await asBuyer('greedy-buyer');
    for (let i = 0; i < attempts; i++) {
      const replica = service.instances[i % 2]!;
      const answer = await request(replica, '/carts', { method: 'POST', body: JSON.stringify({ currency: 'EUR' }), headers: greedy });
      statuses.push(answer.status);
    }
    const accepted = statuses.filter((status) => status === 201).length;
    const refused = statuses.filter((status) => status === 429).length;

    expect(accepted + refused).toBe(attempts);
    expect(accepted).toBeLessThanOrEqual(limit);
    expect(refused).toBeGreaterThanOrEqual(Math.ceil(0.99 * (attempts - limit)));
    // Another caller is not held back by the greedy one.
    const other = await request(service.instances[1]!, '/carts', { method: 'POST', body: JSON.stringify({ currency: 'EUR' }), headers: await asBuyer('patient-buyer') });
    expect(other.status).toBe(201);
  });
});
