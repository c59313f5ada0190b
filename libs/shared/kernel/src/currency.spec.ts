import { currencyExponent, isCurrency, minorUnitsOf } from './currency';

describe('Currencies', () => {
  it('knows the minor-unit exponent of the currencies buyers pay with', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('XOF')).toBe(0);
  });

  it.each(['ABC', 'XAU', 'XAG', 'XPT', 'XPD', 'XXX', 'XTS', 'XDR', 'CHE', 'HRK', 'eur', 'toString', '__proto__'])('%s is not a currency one pays with', (code) => {
    expect(isCurrency(code)).toBe(false);
    expect(currencyExponent(code)).toBeUndefined();
  });

  it('reads a major-unit amount into minor units by the currency exponent', () => {
    expect(minorUnitsOf('10000', 'EUR')).toBe(1_000_000);
    expect(minorUnitsOf('10000.5', 'EUR')).toBe(1_000_050);
    expect(minorUnitsOf('1500000', 'JPY')).toBe(1_500_000);
    expect(minorUnitsOf('3000.125', 'KWD')).toBe(3_000_125);
  });

  it('refuses more decimals than the currency has, malformed amounts and unknown currencies', () => {
    expect(() => minorUnitsOf('10.5', 'JPY')).toThrow(/0 decimal places/);
    expect(() => minorUnitsOf('1.001', 'EUR')).toThrow(RangeError);
    expect(() => minorUnitsOf('-1', 'EUR')).toThrow(RangeError);
    expect(() => minorUnitsOf('1e6', 'EUR')).toThrow(RangeError);
    expect(() => minorUnitsOf('1.', 'EUR')).toThrow(RangeError);
    expect(() => minorUnitsOf('1.2.3', 'EUR')).toThrow(RangeError);
    expect(() => minorUnitsOf('100', 'XAU')).toThrow(/not an ISO 4217 currency/);
  });
});
