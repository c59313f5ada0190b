import { aSale, EntryIds, someDispatch, someTerms } from '../testing/sale.builder';
import { Sale } from './sale';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const at = new Date('2026-11-22T14:00:00.150Z');
const eur3399 = { amount: 3399, currency: 'EUR' };
const kindsOf = (sale: Sale) => sale.entries.map((entry) => entry.kind);

describe('A sale', () => {
  describe('when its payment is authorized', () => {
    it('defers the total in a balanced entry and keeps what was sold', () => {
      const sale = Sale.open(orderId);

      expect(sale.defer(someTerms(), at, new EntryIds())).toBeNull();

      expect(sale.snapshot()).toEqual({
        orderId,
        terms: someTerms(),
        dispatch: null,
        cancelledAt: null,
        entries: [
          {
            id: 'entry-1',
            orderId,
            kind: 'deferred',
            amount: eur3399,
            recordedAt: at,
            lines: [
              { account: 'accounts_receivable', side: 'debit', amount: eur3399 },
              { account: 'deferred_revenue', side: 'credit', amount: eur3399 },
            ],
          },
        ],
      });
      expect(sale.pendingEvents).toEqual([{ type: 'RevenueDeferred', revenueEventId: 'entry-1', orderId, amount: eur3399, occurredAt: at }]);
      expect(sale.newEntries.map((entry) => entry.id)).toEqual(['entry-1']);
    });

    it('changes nothing when its revenue is already deferred, whatever the second payment says', () => {
      const sale = aSale().paid().build();

      expect(sale.defer({ ...someTerms(), buyerId: 'someone-else' }, at, new EntryIds())).toBeNull();

      expect(sale.hasChanges).toBe(false);
      expect(sale.pendingEvents).toEqual([]);
      expect(sale.terms?.buyerId).toBe('buyer-42');
    });

    it('refuses lines that do not add up to the total, and records nothing', () => {
      const sale = Sale.open(orderId);
      const terms = { ...someTerms(), total: { amount: 3400, currency: 'EUR' } };

      expect(() => sale.defer(terms, at, new EntryIds())).toThrow(expect.objectContaining({ code: 'priced_lines_invalid' }));
      expect(sale.hasChanges).toBe(false);
      expect(sale.entries).toEqual([]);
    });

    it('refuses a sale of nothing: revenue is deferred for a positive amount', () => {
      const free = {
        buyerId: 'buyer-42',
        lines: [{ sku: 'FREE', quantity: 1, unitPrice: { amount: 0, currency: 'EUR' }, lineTotal: { amount: 0, currency: 'EUR' } }],
        total: { amount: 0, currency: 'EUR' },
      };

      expect(() => Sale.open(orderId).defer(free, at, new EntryIds())).toThrow(expect.objectContaining({ code: 'revenue_amount_not_positive' }));
    });

    it('refuses a sale without a buyer', () => {
      expect(() => Sale.open(orderId).defer({ ...someTerms(), buyerId: '' }, at, new EntryIds())).toThrow(expect.objectContaining({ code: 'sale_terms_invalid' }));
    });
  });

  describe('when its shipment is dispatched', () => {
    it('after the deferral: recognizes the deferred amount as revenue, naming the deferred entry and the shipment', () => {
      const sale = aSale().paid().build(new EntryIds());

      const recognition = sale.recordDispatch(someDispatch(), at, idsFrom(2));

      expect(recognition).toEqual({ entry: sale.entry('recognized'), terms: someTerms(), dispatch: someDispatch() });
      expect(sale.entry('recognized')!.snapshot()).toMatchObject({
        id: 'entry-2',
        kind: 'recognized',
        amount: eur3399,
        recognizes: 'entry-1',
        shipmentId: someDispatch().shipmentId,
        recordedAt: at,
      });
      expect(sale.pendingEvents).toEqual([
        {
          type: 'RevenueRecognized',
          revenueEventId: 'entry-2',
          deferredRevenueEventId: 'entry-1',
          orderId,
          shipmentId: someDispatch().shipmentId,
          amount: eur3399,
          occurredAt: at,
        },
      ]);
      expect(sale.newEntries.map((entry) => entry.id)).toEqual(['entry-2']);
    });

    it('once recognized: changes nothing, whichever shipment is named', () => {
      const sale = aSale().paid().dispatched().build();

      expect(sale.recordDispatch(someDispatch({ shipmentId: 'another-shipment' }), at, new EntryIds())).toBeNull();

      expect(sale.hasChanges).toBe(false);
      expect(sale.dispatch).toEqual(someDispatch());
      expect(kindsOf(sale)).toEqual(['deferred', 'recognized']);
    });

    it('before the payment is known: remembers the dispatch, records no entry', () => {
      const sale = Sale.open(orderId);

      expect(sale.recordDispatch(someDispatch(), at, new EntryIds())).toBeNull();

      expect(sale.hasChanges).toBe(true);
      expect(sale.dispatch).toEqual(someDispatch());
      expect(sale.entries).toEqual([]);
      expect(sale.pendingEvents).toEqual([]);
    });

    it('before the payment is known, twice: keeps the first dispatch', () => {
      const sale = aSale().dispatched().build();

      sale.recordDispatch(someDispatch({ shipmentId: 'a-later-one' }), at, new EntryIds());

      expect(sale.dispatch).toEqual(someDispatch());
      expect(sale.hasChanges).toBe(false);
    });

    it('after a reversal: refuses, for a person to look at, and records nothing', () => {
      const sale = aSale().paid().cancelled().build();

      expect(() => sale.recordDispatch(someDispatch(), at, new EntryIds())).toThrow(expect.objectContaining({ code: 'revenue_already_reversed' }));
      expect(sale.hasChanges).toBe(false);
      expect(sale.dispatch).toBeNull();
    });
  });

  describe('when its payment arrives after its dispatch', () => {
    it('defers and at once recognizes the revenue, answering the recognition', () => {
      const sale = aSale().dispatched().build();

      const recognition = sale.defer(someTerms(), at, new EntryIds());

      expect(kindsOf(sale)).toEqual(['deferred', 'recognized']);
      expect(recognition).toEqual({ entry: sale.entry('recognized'), terms: someTerms(), dispatch: someDispatch() });
      expect(sale.pendingEvents.map((event) => event.type)).toEqual(['RevenueDeferred', 'RevenueRecognized']);
    });
  });

  describe('when its order is cancelled', () => {
    it('after the deferral: reverses the deferred entry', () => {
      const sale = aSale().paid().build(new EntryIds());

      sale.cancel(at, idsFrom(2));

      expect(sale.entry('reversal')!.snapshot()).toMatchObject({ id: 'entry-2', kind: 'reversal', amount: eur3399, reverses: 'entry-1' });
      expect(sale.pendingEvents).toEqual([{ type: 'RevenueReversed', revenueEventId: 'entry-2', reversedRevenueEventId: 'entry-1', orderId, amount: eur3399, occurredAt: at }]);
    });

    it('once reversed: changes nothing', () => {
      const sale = aSale().paid().cancelled().build();

      sale.cancel(at, new EntryIds());

      expect(sale.hasChanges).toBe(false);
      expect(kindsOf(sale)).toEqual(['deferred', 'reversal']);
    });

    it('with nothing deferred: remembers it, reverses nothing, and defers nothing for a payment authorized after it', () => {
      const sale = Sale.open(orderId);

      sale.cancel(at, new EntryIds());
      const stored = Sale.restore(sale.snapshot(), 1);
      const recognition = stored.defer(someTerms(), at, new EntryIds());

      expect(sale.snapshot()).toMatchObject({ cancelledAt: at, entries: [] });
      expect(sale.pendingEvents).toEqual([]);
      expect(recognition).toBeNull();
      expect(stored.hasChanges).toBe(false);
      expect(stored.entries).toEqual([]);
    });

    it('remembers a cancellation heard once, and takes it again as nothing new', () => {
      const sale = aSale().paid().cancelled().build();

      sale.cancel(new Date('2026-11-23T00:00:00Z'), new EntryIds());

      expect(sale.hasChanges).toBe(false);
      expect(sale.cancelledAt).toEqual(aSale().paid().cancelled().build().cancelledAt);
    });

    it('after the recognition: refuses, for a person to look at, and records nothing', () => {
      const sale = aSale().paid().dispatched().build();

      expect(() => sale.cancel(at, new EntryIds())).toThrow(expect.objectContaining({ code: 'revenue_already_recognized' }));
      expect(sale.hasChanges).toBe(false);
    });
  });

  it('deferred before Finance kept what was sold: refuses to recognize revenue it could not invoice', () => {
    const legacy = Sale.restore({ ...aSale().paid().build().snapshot(), terms: null }, 1);

    expect(() => legacy.recordDispatch(someDispatch(), at, new EntryIds())).toThrow(expect.objectContaining({ code: 'sale_terms_unknown' }));
  });

  describe('converges whatever order its facts arrive in, each stored and read back in between', () => {
    type Fact = 'payment' | 'dispatch' | 'dispatch again' | 'payment again';
    const arrive = (facts: readonly Fact[]) => {
      const ids = new EntryIds();
      let stored = Sale.open(orderId);
      const recognitions = [];
      for (const fact of facts) {
        const sale = Sale.restore(stored.snapshot(), stored.version + 1);
        const answer = fact.startsWith('payment') ? sale.defer(someTerms(), at, ids) : sale.recordDispatch(someDispatch(), at, ids);
        if (answer) recognitions.push(answer);
        stored = sale;
      }
      return { sale: stored, recognitions };
    };

    it.each(permutations<Fact>(['payment', 'dispatch', 'dispatch again', 'payment again']))('%s, %s, %s, %s', (...facts) => {
      const { sale, recognitions } = arrive(facts);

      expect(sale.entries.map((entry) => [entry.kind, entry.amount.amount])).toEqual([
        ['deferred', 3399],
        ['recognized', 3399],
      ]);
      expect(recognitions).toHaveLength(1);
      expect(recognitions[0]!.terms).toEqual(someTerms());
    });
  });
});

function idsFrom(first: number): EntryIds {
  const ids = new EntryIds();
  for (let i = 1; i < first; i++) ids.next();
  return ids;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
