import { money } from '@bazaar/shared-kernel';
import { checkoutFakes } from '../testing/checkout-fakes';
import { CreateCartHandler } from './create-cart.handler';

describe('Creating a cart', () => {
  it('opens an empty cart with a new id at the time of the clock', async () => {
    const fakes = checkoutFakes();

    const id = await new CreateCartHandler(fakes.carts, fakes.clock, fakes.ids, fakes.currencies).execute({ buyerId: 'buyer-7', currency: 'EUR' });

    const cart = await fakes.carts.byId(id);
    expect([cart?.buyerId, cart?.status, cart?.lines, cart?.total, cart?.createdAt]).toEqual(['buyer-7', 'open', [], money(0, 'EUR'), fakes.clock.now()]);
    expect(fakes.carts.savedEvents.map((event) => event.type)).toEqual(['CartCreated']);
  });

  it('refuses a currency that is not ISO 4217, saving nothing', async () => {
    const fakes = checkoutFakes();

    await expect(new CreateCartHandler(fakes.carts, fakes.clock, fakes.ids, fakes.currencies).execute({ buyerId: 'b', currency: 'eur' })).rejects.toMatchObject({
      code: 'invalid_currency',
    });
    expect(fakes.carts.rows.size).toBe(0);
  });

  it('refuses a currency without a fraud review threshold, saving nothing', async () => {
    const fakes = checkoutFakes();

    await expect(new CreateCartHandler(fakes.carts, fakes.clock, fakes.ids, fakes.currencies).execute({ buyerId: 'b', currency: 'SEK' })).rejects.toMatchObject({
      code: 'currency_not_accepted',
    });
    expect(fakes.carts.rows.size).toBe(0);
  });
});
