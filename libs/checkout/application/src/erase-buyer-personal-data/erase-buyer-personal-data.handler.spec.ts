import { anOrder } from '@bazaar/checkout-domain/testing';
import { DomainError } from '@bazaar/shared-kernel';
import { checkoutFakes } from '../testing/checkout-fakes';
import { InMemoryBuyerPersonalData } from '../testing/in-memory-buyer-personal-data';
import { EraseBuyerPersonalDataHandler } from './erase-buyer-personal-data.handler';

function erasing() {
  const fakes = checkoutFakes();
  const personalData = new InMemoryBuyerPersonalData(fakes.orders);
  return { fakes, personalData, handler: new EraseBuyerPersonalDataHandler(personalData, fakes.unitOfWork, fakes.clock) };
}

describe('Erasing a buyer’s personal data', () => {
  it('once all their orders have ended: every address goes, the orders stay, and the erasure is published once', async () => {
    const { fakes, personalData, handler } = erasing();
    const completed = anOrder().withId('7a1e0c52-6f0d-4b7e-9c43-0d8a3f3c2b11').forBuyer('buyer-9').completed().build();
    const cancelled = anOrder().withId('7a1e0c52-6f0d-4b7e-9c43-0d8a3f3c2b12').forBuyer('buyer-9').cancelled().build();
    const someoneElse = anOrder().withId('7a1e0c52-6f0d-4b7e-9c43-0d8a3f3c2b13').forBuyer('buyer-10').completed().build();
    for (const order of [completed, cancelled, someoneElse]) await fakes.orders.save(order);

    expect(await handler.execute({ buyerId: 'buyer-9' })).toBe(true);
    expect(await handler.execute({ buyerId: 'buyer-9' })).toBe(false);

    expect((await fakes.orders.byId(completed.id))?.shippingAddress).toBeUndefined();
    expect((await fakes.orders.byId(cancelled.id))?.shippingAddress).toBeUndefined();
    expect((await fakes.orders.byId(completed.id))?.total).toEqual(completed.total);
    expect((await fakes.orders.byId(someoneElse.id))?.shippingAddress).toEqual(someoneElse.shippingAddress);
    expect(personalData.published).toEqual([{ buyerId: 'buyer-9', orderIds: [completed.id, cancelled.id], erasedAt: fakes.clock.now() }]);
  });

  it('is refused (409) while an order of theirs is in progress, and erases nothing', async () => {
    const { fakes, personalData, handler } = erasing();
    const confirmed = anOrder().withId('7a1e0c52-6f0d-4b7e-9c43-0d8a3f3c2b21').forBuyer('buyer-9').confirmed().build();
    await fakes.orders.save(confirmed);

    const refusal = await handler.execute({ buyerId: 'buyer-9' }).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'conflict', code: 'buyer_has_orders_in_progress', orderIds: [confirmed.id] });
    expect((await fakes.orders.byId(confirmed.id))?.shippingAddress).toEqual(confirmed.shippingAddress);
    expect(personalData.published).toEqual([]);
  });

  it('of an unknown buyer changes nothing and publishes nothing', async () => {
    const { personalData, handler } = erasing();

    expect(await handler.execute({ buyerId: 'nobody' })).toBe(false);
    expect(personalData.published).toEqual([]);
  });
});
