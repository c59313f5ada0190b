import fc from 'fast-check';
import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { financeFakes, FinanceFakes } from '../testing/finance-fakes';

/** What happens to one order, and the facts Finance hears about it (a cancellation always after its payment, as on Checkout's topic). */
type Fate = 'paid' | 'dispatched' | 'cancelled';
type Fact = { orderId: string; kind: 'payment' | 'dispatch' | 'cancellation' };

const factsOf = (orderId: string, fate: Fate): Fact[][] => {
  const payment: Fact = { orderId, kind: 'payment' };
  if (fate === 'dispatched') return [[payment], [{ orderId, kind: 'dispatch' }]];
  if (fate === 'cancelled') return [[payment, { orderId, kind: 'cancellation' }]];
  return [[payment]];
};

async function hear(finance: FinanceFakes, fact: Fact): Promise<void> {
  if (fact.kind === 'payment') await finance.defer.execute({ orderId: fact.orderId, terms: someTerms() });
  else if (fact.kind === 'dispatch') await finance.recognize.execute({ orderId: fact.orderId, ...someDispatch() });
  else await finance.reverse.execute({ orderId: fact.orderId });
}

describe('The trial balance', () => {
  it('balances, with every account where the orders’ fates put it, whatever order the facts arrive in, repeats included', async () => {
    const fates = fc.array(fc.constantFrom<Fate>('paid', 'dispatched', 'cancelled'), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fates, fc.infiniteStream(fc.nat()), fc.nat(), async (orderFates, keys, repeats) => {
        const finance = financeFakes();
        // Each order's facts as independent streams (a payment and a dispatch travel on different topics), interleaved at random.
        const streams = orderFates.flatMap((fate, i) => factsOf(`order-${i}`, fate));
        const pending = streams.map((stream) => [...stream]);
        const heard: Fact[] = [];
        for (const key of keys) {
          const open = pending.filter((stream) => stream.length > 0);
          if (open.length === 0) break;
          const fact = open[key % open.length]!.shift()!;
          heard.push(fact);
          await hear(finance, fact);
          if (heard.length <= repeats % 4) await hear(finance, fact);
        }

        const { totals, accounts } = await finance.trialBalance.execute();
        const total = (fate: Fate) => orderFates.filter((f) => f === fate).length * someTerms().total.amount;
        const sidesOf = (account: string) => accounts.find((a) => a.account === account) ?? { debits: 0, credits: 0 };
        const debitBalanceOf = (account: string) => sidesOf(account).debits - sidesOf(account).credits;
        const creditBalanceOf = (account: string) => sidesOf(account).credits - sidesOf(account).debits;
        expect(totals).toEqual([{ currency: 'EUR', debits: expect.any(Number), credits: expect.any(Number) }]);
        expect(totals[0]!.debits).toBe(totals[0]!.credits);
        expect(debitBalanceOf('accounts_receivable')).toBe(total('paid') + total('dispatched'));
        expect(creditBalanceOf('deferred_revenue')).toBe(total('paid'));
        expect(creditBalanceOf('revenue')).toBe(total('dispatched'));
        expect(finance.invoices.numbers).toEqual(orderFates.filter((f) => f === 'dispatched').map((_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
      }),
      { numRuns: 200 },
    );
  });

  it('is empty before anything was recorded', async () => {
    expect(await financeFakes().trialBalance.execute()).toEqual({ accounts: [], totals: [] });
  });
});
