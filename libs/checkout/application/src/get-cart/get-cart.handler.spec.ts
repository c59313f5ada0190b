import { aCart, aLine } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { checkoutFakes } from '../testing/checkout-fakes';
import { GetCartHandler } from './get-cart.handler';

describe('Getting a cart', () => {
  it('shows its lines, priced, and its total', async () => {
    const fakes = checkoutFakes();
    const cart = aCart()
      .forBuyer('buyer-7')
      .withLines(aLine({ sku: 'A', quantity: 2, unitPrice: money(500, 'EUR') }))
      .build();
    await fakes.carts.save(cart);

    expect(await new GetCartHandler(fakes.cartQueries).execute({ cartId: cart.id })).toEqual({
      cartId: cart.id,
      buyerId: 'buyer-7',
      currency: 'EUR',
      status: 'open',
      lines: [{ sku: 'A', quantity: 2, unitPrice: money(500, 'EUR'), lineTotal: money(1000, 'EUR') }],
      total: money(1000, 'EUR'),
      createdAt: cart.createdAt,
    });
  });

  it('shows the order a checked-out cart became', async () => {
    const fakes = checkoutFakes();
    const cart = aCart().checkedOut().build();
    await fakes.carts.save(cart);

    expect(await new GetCartHandler(fakes.cartQueries).execute({ cartId: cart.id })).toMatchObject({ status: 'checked_out', orderId: cart.orderId });
  });

  it('says so when there is no such cart', async () => {
    await expect(new GetCartHandler(checkoutFakes().cartQueries).execute({ cartId: 'nope' })).rejects.toMatchObject({ code: 'cart_not_found' });
  });
});
