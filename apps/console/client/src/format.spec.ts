import { eventLabel, isOrderId, money } from './format';

describe('How the console writes things', () => {
  it('writes minor units as a price in the currency', () => {
    expect(money({ amount: 3399, currency: 'EUR' })).toBe('€33.99');
    expect(money({ amount: 1500, currency: 'JPY' })).toBe('JP¥1,500');
    expect(money(null)).toBe('—');
  });

  it('names an event by what happened', () => {
    expect(eventLabel('checkout.cart-checked-out')).toBe('cart checked out');
  });

  it('tells an order id from a buyer id', () => {
    expect(isOrderId(' 5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f ')).toBe(true);
    expect(isOrderId('buyer-42')).toBe(false);
  });
});
