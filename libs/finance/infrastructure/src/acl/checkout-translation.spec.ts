import { aCartCheckedOut } from '../testing/checkout-messages';
import { deferredRevenueFromCheckout } from './checkout-translation';

describe('Checkout → Finance translation', () => {
  it('expects the order total as revenue, leaving lines and buyer behind', () => {
    const { data } = aCartCheckedOut({ total: { amount: 3399, currency: 'EUR' } });

    expect(deferredRevenueFromCheckout(data)).toEqual({ orderId: data.orderId, amount: { amount: 3399, currency: 'EUR' } });
  });
});
