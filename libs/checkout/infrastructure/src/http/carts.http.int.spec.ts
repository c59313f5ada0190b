import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { TopicTap, withKey } from '@bazaar/platform-testing';
import { CartCheckedOutV2, Topics } from '@bazaar/published-language';
import { checkoutService } from '../checkout.service';

jest.setTimeout(60_000);

const address = { name: 'Ada Lovelace', line1: "12 St James's Square", city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };
const price = (amount: number, currency = 'EUR') => ({ amount, currency });

describe('Carts over HTTP (real PostgreSQL and Kafka)', () => {
  let checkout: ServiceUnderTest;
  let orders: TopicTap;

  beforeAll(async () => {
    checkout = await ServiceUnderTest.start(checkoutService);
    orders = await checkout.namespace.tap(Topics.checkoutOrders);
  });

  afterAll(async () => {
    await checkout?.stop();
  });

  const put = (path: string, body: unknown) => checkout.call('PUT', path, { body });
  const del = (path: string) => checkout.call('DELETE', path);
  const aCart = async (currency = 'EUR'): Promise<string> => {
    const created = await checkout.post('/carts', { buyerId: 'buyer-42', currency });
    expect(created).toMatchObject({ status: 201, body: { cartId: expect.any(String) } });
    return String(created.body['cartId']);
  };
  const withLines = async (...lines: [string, number, number][]): Promise<string> => {
    const cartId = await aCart();
    for (const [sku, quantity, amount] of lines) expect((await put(`/carts/${cartId}/lines/${sku}`, { quantity, unitPrice: price(amount) })).status).toBe(200);
    return cartId;
  };

  it('builds a cart line by line and shows it with its total', async () => {
    const cartId = await withLines(['MUG-BLUE', 1, 1250], ['TEA-EARL', 1, 899]);
    await put(`/carts/${cartId}/lines/MUG-BLUE`, { quantity: 2, unitPrice: price(1250) });
    await put(`/carts/${cartId}/lines/SPOON`, { quantity: 1, unitPrice: price(300) });
    const afterRemoval = await del(`/carts/${cartId}/lines/SPOON`);

    expect(afterRemoval.status).toBe(200);
    expect((await checkout.get(`/carts/${cartId}`)).body).toEqual({
      cartId,
      buyerId: 'buyer-42',
      currency: 'EUR',
      status: 'open',
      lines: [
        { sku: 'MUG-BLUE', quantity: 2, unitPrice: price(1250), lineTotal: price(2500) },
        { sku: 'TEA-EARL', quantity: 1, unitPrice: price(899), lineTotal: price(899) },
      ],
      total: price(3399),
      createdAt: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('checks a cart out into an order (201), announced like any order, and closes the cart', async () => {
    const cartId = await withLines(['MUG-BLUE', 2, 1250], ['TEA-EARL', 1, 899]);

    const placed = await checkout.post(`/carts/${cartId}/checkout`, { paymentToken: 'tok_ok', shippingAddress: address });

    expect(placed).toMatchObject({ status: 201, body: { orderId: expect.any(String), status: 'placed' } });
    const orderId = String(placed.body['orderId']);
    const [message] = await orders.waitFor(withKey(orderId));
    expect(CartCheckedOutV2.parse(message!.body).data).toMatchObject({ orderId, buyerId: 'buyer-42', total: price(3399), sealedShippingAddress: { algorithm: 'AES-256-GCM' } });
    expect(message!.value).not.toContain(address.line1);
    expect((await checkout.get(`/carts/${cartId}`)).body).toMatchObject({ status: 'checked_out', orderId });
    expect((await checkout.get(`/orders/${orderId}`)).body).toMatchObject({ orderId, total: price(3399) });
  });

  it('answers the same Idempotency-Key with the same order, and refuses a second checkout without it (409)', async () => {
    const cartId = await withLines(['MUG-BLUE', 1, 1250]);
    const key = randomUUID();
    const body = { paymentToken: 'tok_ok', shippingAddress: address };

    const first = await checkout.post(`/carts/${cartId}/checkout`, body, { 'idempotency-key': key });
    const again = await checkout.post(`/carts/${cartId}/checkout`, body, { 'idempotency-key': key });
    const withoutKey = await checkout.post(`/carts/${cartId}/checkout`, body);

    expect(again.body).toEqual(first.body);
    expect(withoutKey).toMatchObject({ status: 409, body: { code: 'cart_already_checked_out' } });
    expect(await checkout.count(`orders WHERE id = $1`, [first.body['orderId']])).toBe(1);
  });

  const refusals: {
    case: string;
    act: (cartId: string) => Promise<{ status: number; body: Record<string, unknown>; contentType: string | null }>;
    status: number;
    code: string;
  }[] = [
    { case: 'a quantity of 1000', act: (id) => put(`/carts/${id}/lines/A`, { quantity: 1000, unitPrice: price(100) }), status: 422, code: 'invalid_quantity' },
    { case: 'a quantity of 0', act: (id) => put(`/carts/${id}/lines/A`, { quantity: 0, unitPrice: price(100) }), status: 422, code: 'invalid_quantity' },
    { case: 'a price in another currency', act: (id) => put(`/carts/${id}/lines/A`, { quantity: 1, unitPrice: price(100, 'USD') }), status: 422, code: 'mixed_currencies' },
    { case: 'a price of 0', act: (id) => put(`/carts/${id}/lines/A`, { quantity: 1, unitPrice: price(0) }), status: 422, code: 'non_positive_price' },
    { case: 'an unknown field', act: (id) => put(`/carts/${id}/lines/A`, { quantity: 1, unitPrice: price(100), note: 'x' }), status: 400, code: 'invalid_request' },
    { case: 'removing a line it does not have', act: (id) => del(`/carts/${id}/lines/NOPE`), status: 404, code: 'cart_line_not_found' },
    {
      case: 'checking out an empty cart',
      act: (id) => checkout.post(`/carts/${id}/checkout`, { paymentToken: 'tok_ok', shippingAddress: address }),
      status: 409,
      code: 'cart_is_empty',
    },
    {
      case: 'a payment token the gateway does not know',
      act: (id) => checkout.post(`/carts/${id}/checkout`, { paymentToken: 'tok_x', shippingAddress: address }),
      status: 422,
      code: 'unknown_payment_token',
    },
  ];

  it.each(refusals)('refuses $case with a problem', async ({ act, status, code }) => {
    const cartId = await aCart();

    const answer = await act(cartId);

    expect(answer).toMatchObject({ status, body: { status, code } });
    expect(answer.contentType).toContain('application/problem+json');
    expect((await checkout.get(`/carts/${cartId}`)).body).toMatchObject({ status: 'open', lines: [] });
  });

  it('refuses a 51st line (422 order_line_limit_exceeded)', async () => {
    const cartId = await withLines(...Array.from({ length: 50 }, (_, i): [string, number, number] => [`SKU-${i}`, 1, 100]));

    const answer = await put(`/carts/${cartId}/lines/SKU-50`, { quantity: 1, unitPrice: price(100) });

    expect(answer).toMatchObject({ status: 422, body: { code: 'order_line_limit_exceeded' } });
  });

  it('changes nothing once checked out (409 cart_already_checked_out)', async () => {
    const cartId = await withLines(['MUG-BLUE', 1, 1250]);
    await checkout.post(`/carts/${cartId}/checkout`, { paymentToken: 'tok_ok', shippingAddress: address });

    expect(await put(`/carts/${cartId}/lines/MORE`, { quantity: 1, unitPrice: price(100) })).toMatchObject({ status: 409, body: { code: 'cart_already_checked_out' } });
    expect(await del(`/carts/${cartId}/lines/MUG-BLUE`)).toMatchObject({ status: 409, body: { code: 'cart_already_checked_out' } });
  });

  it('answers 404 cart_not_found for an unknown cart, 400 for a malformed id or currency', async () => {
    expect(await checkout.get(`/carts/${randomUUID()}`)).toMatchObject({ status: 404, body: { code: 'cart_not_found' } });
    expect(await checkout.get('/carts/not-a-uuid')).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    expect(await checkout.post('/carts', { buyerId: 'b', currency: 'euro' })).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    expect(await checkout.post('/carts', { buyerId: 'b', currency: 'XAU' })).toMatchObject({ status: 400, body: { code: 'invalid_request', errors: [{ path: 'currency' }] } });
    expect(await checkout.post('/carts', { buyerId: 'b', currency: 'SEK' })).toMatchObject({ status: 422, body: { code: 'currency_not_accepted' } });
  });
});
