import { money, multiplyMoney, sumMoney } from './money';

describe('Money', () => {
  it('accepts integer minor units with an ISO 4217 currency', () => {
    expect(money(1999, 'EUR')).toEqual({ amount: 1999, currency: 'EUR' });
  });

  it('rejects fractional amounts and malformed currencies', () => {
    expect(() => money(19.99, 'EUR')).toThrow(RangeError);
    expect(() => money(100, 'euro')).toThrow(RangeError);
  });

  it('sums amounts of one currency and refuses to mix currencies', () => {
    expect(sumMoney([money(100, 'EUR'), money(250, 'EUR')], 'EUR')).toEqual(money(350, 'EUR'));
    expect(() => sumMoney([money(100, 'EUR'), money(1, 'USD')], 'EUR')).toThrow('Cannot add USD to EUR');
  });

  it('multiplies a unit price by a quantity', () => {
    expect(multiplyMoney(money(250, 'GBP'), 3)).toEqual(money(750, 'GBP'));
  });
});
