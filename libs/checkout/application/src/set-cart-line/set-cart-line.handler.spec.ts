import { aCart } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { checkoutFakes } from '../testing/checkout-fakes';
import { SetCartLineHandler } from './set-cart-line.handler';

async function givenCart(fakes: ReturnType<typeof checkoutFakes>, builder = aCart().empty()) {
  const cart = builder.build();
  await fakes.carts.save(cart);
  return cart;
}

describe('Setting a cart line', () => {
  it('adds the line, then changes it when set again', async () => {
    const fakes = checkoutFakes();
    const cart = await givenCart(fakes);
    const handler = new SetCartLineHandler(fakes.carts, fakes.clock);

    await handler.execute({ cartId: cart.id, sku: 'MUG', quantity: 2, unitPrice: money(1250, 'EUR') });
    await handler.execute({ cartId: cart.id, sku: 'MUG', quantity: 3, unitPrice: money(1250, 'EUR') });

    const saved = await fakes.carts.byId(cart.id);
    expect(saved?.lines).toEqual([{ sku: 'MUG', quantity: 3, unitPrice: money(1250, 'EUR'), lineTotal: money(3750, 'EUR') }]);
    expect(fakes.carts.savedEvents.map((event) => event.type)).toEqual(['CartCreated', 'CartLineSet', 'CartLineSet']);
  });

  it('saves nothing when the line is set as it already is', async () => {
    const fakes = checkoutFakes();
    const cart = await givenCart(fakes);
    const handler = new SetCartLineHandler(fakes.carts, fakes.clock);
    const line = { cartId: cart.id, sku: 'MUG', quantity: 2, unitPrice: money(1250, 'EUR') };

    await handler.execute(line);
    await handler.execute(line);

    expect(fakes.carts.savedEvents).toHaveLength(2);
  });

  it('refuses a line the order rules refuse, with their code', async () => {
    const fakes = checkoutFakes();
    const cart = await givenCart(fakes);

    await expect(new SetCartLineHandler(fakes.carts, fakes.clock).execute({ cartId: cart.id, sku: 'MUG', quantity: 1000, unitPrice: money(1250, 'EUR') })).rejects.toMatchObject({
      code: 'invalid_quantity',
      kind: 'invalid',
    });
  });

  it('refuses to change a checked-out cart (409 cart_already_checked_out)', async () => {
    const fakes = checkoutFakes();
    const cart = await givenCart(fakes, aCart().checkedOut());

    await expect(new SetCartLineHandler(fakes.carts, fakes.clock).execute({ cartId: cart.id, sku: 'NEW', quantity: 1, unitPrice: money(100, 'EUR') })).rejects.toMatchObject({
      code: 'cart_already_checked_out',
      kind: 'conflict',
    });
  });

  it('says so when there is no such cart', async () => {
    const fakes = checkoutFakes();

    await expect(new SetCartLineHandler(fakes.carts, fakes.clock).execute({ cartId: 'no-such-cart', sku: 'MUG', quantity: 1, unitPrice: money(100, 'EUR') })).rejects.toMatchObject(
      { code: 'cart_not_found', kind: 'not_found' },
    );
  });
});
