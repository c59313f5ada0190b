import { aCart, aLine } from '@bazaar/checkout-domain/testing';
import { checkoutFakes } from '../testing/checkout-fakes';
import { RemoveCartLineHandler } from './remove-cart-line.handler';

describe('Removing a cart line', () => {
  it('removes the line and saves the cart', async () => {
    const fakes = checkoutFakes();
    const cart = aCart()
      .withLines(aLine({ sku: 'A' }), aLine({ sku: 'B' }))
      .build();
    await fakes.carts.save(cart);

    await new RemoveCartLineHandler(fakes.carts, fakes.clock).execute({ cartId: cart.id, sku: 'A' });

    expect((await fakes.carts.byId(cart.id))?.lines.map((line) => line.sku)).toEqual(['B']);
    expect(fakes.carts.savedEvents.at(-1)).toMatchObject({ type: 'CartLineRemoved', sku: 'A' });
  });

  it('says so when the cart has no such line', async () => {
    const fakes = checkoutFakes();
    const cart = aCart().build();
    await fakes.carts.save(cart);

    await expect(new RemoveCartLineHandler(fakes.carts, fakes.clock).execute({ cartId: cart.id, sku: 'NOPE' })).rejects.toMatchObject({
      code: 'cart_line_not_found',
      kind: 'not_found',
    });
  });
});
