import { defaultFraudPolicySettings } from '../fraud/fraud-settings';
import { AcceptedCurrencies } from './accepted-currencies';

const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('Accepted currencies', () => {
  const currencies = AcceptedCurrencies.of({ ...defaultFraudPolicySettings, largeOrder: { minimumTotals: { EUR: 1_000_000, JPY: 1_500_000 }, score: 100 } });

  it('takes the currencies with a fraud review threshold', () => {
    expect(() => currencies.assertAccepted('EUR')).not.toThrow();
    expect(() => currencies.assertAccepted('JPY')).not.toThrow();
  });

  it('refuses a real currency without a threshold as not accepted', () => {
    expect(refusal(() => currencies.assertAccepted('SEK'))).toMatchObject({ code: 'currency_not_accepted', kind: 'invalid' });
  });

  it.each(['ABC', 'XAU', 'XAG', 'XPT', 'XPD', 'XXX', 'XTS', 'eur'])('refuses %s as no currency at all', (code) => {
    expect(refusal(() => currencies.assertAccepted(code))).toMatchObject({ code: 'invalid_currency', kind: 'invalid' });
  });

  it('refuses a non-currency even when someone configured a threshold for it', () => {
    const careless = new AcceptedCurrencies(['XAU']);
    expect(refusal(() => careless.assertAccepted('XAU'))).toMatchObject({ code: 'invalid_currency' });
  });
});
