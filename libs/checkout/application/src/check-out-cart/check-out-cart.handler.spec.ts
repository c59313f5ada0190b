import { aCart, aLine, anAddress } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { checkoutFakes } from '../testing/checkout-fakes';
import { CheckOutCart } from './check-out-cart.command';
import { CheckOutCartHandler } from './check-out-cart.handler';

async function checkout(builder = aCart()) {
  const fakes = checkoutFakes();
  const cart = builder.build();
  await fakes.carts.save(cart);
  const handler = new CheckOutCartHandler(fakes.carts, fakes.placement, fakes.clock, fakes.ids, fakes.currencies);
  const request = (overrides: Partial<CheckOutCart> = {}): CheckOutCart => ({ cartId: cart.id, paymentToken: 'tok_ok', shippingAddress: anAddress(), ...overrides });
  return { fakes, cart, handler, request };
}

describe('Checking out a cart', () => {
  it('places the order from the cart’s lines, announced as OrderPlaced, and closes the cart, together; the order’s process goes on to payment', async () => {
    const { fakes, cart, handler, request } = await checkout();

    const orderId = await handler.execute(request());
    await fakes.placement.settled();

    const order = await fakes.orders.byId(orderId);
    expect([order?.buyerId, order?.lines, order?.placedAt]).toEqual([cart.buyerId, cart.lines, fakes.clock.now()]);
    expect(fakes.orders.savedEvents).toEqual([
      expect.objectContaining({ type: 'OrderPlaced', orderId, total: money(2500, 'EUR') }),
      expect.objectContaining({ type: 'PaymentAuthorized', orderId }),
    ]);
    expect((await fakes.carts.byId(cart.id))?.orderId).toBe(orderId);
  });

  it('refuses a cart whose currency is no longer accepted (its threshold was removed since), placing no order', async () => {
    const { fakes, handler, request } = await checkout(
      aCart()
        .inCurrency('SEK')
        .withLines(aLine({ unitPrice: money(1250, 'SEK') })),
    );

    await expect(handler.execute(request())).rejects.toMatchObject({ code: 'currency_not_accepted' });
    expect(fakes.orders.count).toBe(0);
  });

  it('refuses to check out a cart twice (409), placing no second order', async () => {
    const { fakes, handler, request } = await checkout();
    await handler.execute(request());

    await expect(handler.execute(request())).rejects.toMatchObject({ code: 'cart_already_checked_out', kind: 'conflict' });
    expect(fakes.orders.count).toBe(1);
  });

  it('answers a repeated request with the same Idempotency-Key with the order it placed', async () => {
    const { fakes, handler, request } = await checkout();
    const idempotency = { scope: 'buyer-42', key: 'key-1', fingerprint: 'sha-of-body' };

    const first = await handler.execute(request({ idempotency }));
    const again = await handler.execute(request({ idempotency }));

    expect(again).toBe(first);
    expect(fakes.orders.count).toBe(1);
  });

  it('refuses a key reused with another body (422)', async () => {
    const { handler, request } = await checkout();
    await handler.execute(request({ idempotency: { scope: 'buyer-42', key: 'key-1', fingerprint: 'one' } }));

    await expect(handler.execute(request({ idempotency: { scope: 'buyer-42', key: 'key-1', fingerprint: 'other' } }))).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('refuses an empty cart, writing nothing and keeping the key free', async () => {
    const { fakes, handler, request } = await checkout(aCart().empty());

    await expect(handler.execute(request({ idempotency: { scope: 'buyer-42', key: 'key-1', fingerprint: 'f' } }))).rejects.toMatchObject({
      code: 'cart_is_empty',
      kind: 'conflict',
    });

    expect([fakes.orders.count, fakes.keys.holderOf('key-1')]).toEqual([0, undefined]);
  });

  it('writes no order when the cart was changed by someone else meanwhile (the version check decides)', async () => {
    const { fakes, cart, handler, request } = await checkout();
    const meanwhile = (await fakes.carts.byId(cart.id))!;
    meanwhile.removeLine('MUG-BLUE', fakes.clock.now());
    const checkingOut = handler.execute(request());
    await fakes.carts.save(meanwhile);

    await expect(checkingOut).rejects.toMatchObject({ code: 'concurrency_conflict' });
    expect(fakes.orders.count).toBe(0);
  });

  it('says so when there is no such cart', async () => {
    const { handler, request } = await checkout();

    await expect(handler.execute(request({ cartId: 'no-such-cart' }))).rejects.toMatchObject({ code: 'cart_not_found' });
  });
});
