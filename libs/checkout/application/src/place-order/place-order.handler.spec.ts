import { ConcurrencyConflict, money } from '@bazaar/shared-kernel';
import { AcceptedCurrencies } from '@bazaar/checkout-domain';
import { anAddress } from '@bazaar/checkout-domain/testing';
import { IdempotencyKeyReused } from '../idempotency/idempotency-key-reused';
import { checkoutFakes } from '../testing/checkout-fakes';
import { PlaceOrder } from './place-order.command';
import { PlaceOrderHandler } from './place-order.handler';

const aRequest = (overrides: Partial<PlaceOrder> = {}): PlaceOrder => ({
  buyerId: 'buyer-42',
  lines: [{ sku: 'MUG-BLUE', quantity: 2, unitPrice: money(1250, 'EUR') }],
  shippingAddress: anAddress(),
  paymentToken: 'tok_ok',
  ...overrides,
});

function checkout() {
  const fakes = checkoutFakes();
  const handler = new PlaceOrderHandler(fakes.placement, fakes.clock, fakes.ids, new AcceptedCurrencies(['EUR', 'GBP']));
  return { ...fakes, handler };
}

describe('Placing an order (express checkout)', () => {
  it('refuses an order in a currency the marketplace takes no orders in, saving nothing', async () => {
    const { orders, handler } = checkout();

    await expect(handler.execute(aRequest({ lines: [{ sku: 'MUG-BLUE', quantity: 1, unitPrice: money(1250, 'SEK') }] }))).rejects.toMatchObject({
      code: 'currency_not_accepted',
    });
    expect(orders.savedEvents).toEqual([]);
  });

  it('places the order with a new id and the time of the clock, saves OrderPlaced with it, and carries out what its screening decided', async () => {
    const { orders, placement, handler } = checkout();

    const id = await handler.execute(aRequest());
    await placement.settled();

    const order = await orders.byId(id);
    expect(order?.placedAt).toEqual(new Date('2026-12-01T10:00:00.000Z'));
    expect(order?.status).toBe('payment_authorized');
    expect(orders.savedEvents).toEqual([
      expect.objectContaining({ type: 'OrderPlaced', orderId: id, total: money(2500, 'EUR') }),
      expect.objectContaining({ type: 'PaymentAuthorized', orderId: id }),
    ]);
  });

  it('places the order again when a concurrent writer got in first (a conflict), once, and the order exists once', async () => {
    const { orders, placement, handler } = checkout();
    // As the real adapter does when a concurrent first order of the buyer stored the buyer's key first.
    jest.spyOn(orders, 'save').mockRejectedValueOnce(new ConcurrencyConflict('Buyer key', 'buyer-42'));

    const id = await handler.execute(aRequest({ idempotency: { scope: 'buyer-42', key: 'k-1', fingerprint: 'f' } }));
    await placement.settled();

    expect(orders.count).toBe(1);
    expect(orders.savedEvents.map((event) => [event.type, event.orderId])).toEqual([
      ['OrderPlaced', id],
      ['PaymentAuthorized', id],
    ]);
  });

  it('places a new order for every request that carries no Idempotency-Key', async () => {
    const { orders, handler } = checkout();

    const first = await handler.execute(aRequest());
    const second = await handler.execute(aRequest());

    expect(second).not.toBe(first);
    expect(orders.count).toBe(2);
  });

  it('answers a repeated request with the same key with the order it already placed, screened and paid once', async () => {
    const { orders, gateway, placement, handler } = checkout();
    const idempotency = { scope: 'buyer-42', key: 'key-1', fingerprint: 'sha-of-body' };

    const first = await handler.execute(aRequest({ idempotency }));
    const again = await handler.execute(aRequest({ idempotency }));
    await placement.settled();

    expect(again).toBe(first);
    expect(orders.count).toBe(1);
    expect(orders.savedEvents.map((event) => event.type)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    // Each request starts carrying out alongside; the second may ask the gateway again before the first has recorded its answer, and gets the same one.
    expect(gateway.authorizationIds()).toHaveLength(1);
  });

  it('keeps each caller’s keys apart: the same key from two callers places two orders', async () => {
    const { orders, handler } = checkout();

    const mine = await handler.execute(aRequest({ idempotency: { scope: 'buyer-42', key: 'key-1', fingerprint: 'sha-of-body' } }));
    const theirs = await handler.execute(aRequest({ idempotency: { scope: 'buyer-7', key: 'key-1', fingerprint: 'sha-of-body' } }));

    expect(theirs).not.toBe(mine);
    expect(orders.count).toBe(2);
  });

  it('refuses a key reused with a different request, placing nothing', async () => {
    const { orders, handler } = checkout();
    await handler.execute(aRequest({ idempotency: { scope: 'buyer-42', key: 'key-1', fingerprint: 'sha-of-body' } }));

    const reuse = handler.execute(aRequest({ buyerId: 'someone-else', idempotency: { scope: 'buyer-42', key: 'key-1', fingerprint: 'sha-of-other-body' } }));

    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReused);
    await expect(reuse).rejects.toMatchObject({ code: 'idempotency_key_reused', kind: 'invalid' });
    expect(orders.count).toBe(1);
  });

  it('does not use up the key of a request the order rules refused', async () => {
    const { orders, keys, handler } = checkout();
    const refused = aRequest({ lines: [], idempotency: { scope: 'buyer-42', key: 'key-1', fingerprint: 'empty' } });

    await expect(handler.execute(refused)).rejects.toMatchObject({ code: 'order_has_no_lines' });

    expect(keys.holderOf('key-1', 'buyer-42')).toBeUndefined();
    expect(orders.count).toBe(0);
  });
});
