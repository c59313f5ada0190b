import { anEvent } from '@bazaar/platform-testing';
import { CartCheckedOutV1 } from '@bazaar/published-language';
import { deferredRevenueFromCheckout } from './checkout-translation';

describe('Checkout → Finance translation', () => {
  it('expects the order total as revenue, leaving lines and buyer behind', () => {
    const { data } = anEvent(CartCheckedOutV1, { data: { total: { amount: 3399, currency: 'EUR' } } });

    expect(deferredRevenueFromCheckout(data)).toEqual({ orderId: data.orderId, amount: { amount: 3399, currency: 'EUR' } });
  });
});
