import { invoiceNumber } from '@bazaar/finance-domain';
import { recordedExample } from '@bazaar/platform-testing';
import {
  EventContract,
  InvoiceIssuedV1,
  RevenueDeferredV1,
  RevenueRecognizedV1,
  RevenueReversedV1,
  SubscriptionCancelledV1,
  SubscriptionRenewedV1,
  SubscriptionStartedV1,
} from '@bazaar/published-language';
import { toPublishedInvoiceEvents, toPublishedLedgerEvents, toPublishedSubscriptionEvents } from './published-events';

/**
 * Each of Finance's events, translated, is the producer's recorded example of its contract: the
 * example is what the translation really publishes (and what consumers test against).
 */
describe('Finance’s published events', () => {
  const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const expectRecorded = <T>(published: unknown, contract: EventContract<T>) => {
    const example = recordedExample(contract);
    expect(published).toEqual({ contract, data: example.data, aggregateId: example.aggregateId, occurredAt: new Date(example.occurredAt) });
    expect(() => contract.schema.parse((published as { data: unknown }).data)).not.toThrow();
  };

  it('publishes RevenueDeferred as finance.revenue-deferred.v1, keyed by the order (its ledger)', () => {
    const occurredAt = new Date('2026-11-21T09:30:00.140Z');
    const [published] = toPublishedLedgerEvents([{ type: 'RevenueDeferred', revenueEventId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876', orderId, amount: eur(3399), occurredAt }]);

    expectRecorded(published, RevenueDeferredV1);
  });

  it('publishes RevenueRecognized as finance.revenue-recognized.v1, keyed by the order (its ledger)', () => {
    const [published] = toPublishedLedgerEvents([
      {
        type: 'RevenueRecognized',
        revenueEventId: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
        deferredRevenueEventId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        orderId,
        shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab',
        amount: eur(3399),
        occurredAt: new Date('2026-11-22T14:00:00.150Z'),
      },
    ]);

    expectRecorded(published, RevenueRecognizedV1);
  });

  it('publishes RevenueReversed as finance.revenue-reversed.v1, keyed by the order (its ledger)', () => {
    const [published] = toPublishedLedgerEvents([
      {
        type: 'RevenueReversed',
        revenueEventId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        reversedRevenueEventId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        orderId,
        amount: eur(3399),
        occurredAt: new Date('2026-11-21T09:31:00.090Z'),
      },
    ]);

    expectRecorded(published, RevenueReversedV1);
  });

  it('publishes InvoiceIssued as finance.invoice-issued.v1, keyed by the invoice, its number written 2026-000042', () => {
    const [published] = toPublishedInvoiceEvents([
      {
        type: 'InvoiceIssued',
        invoiceId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d',
        number: invoiceNumber(2026, 42),
        orderId,
        buyerId: 'buyer-42',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) },
          { sku: 'TEA-EARL', quantity: 1, unitPrice: eur(899), lineTotal: eur(899) },
        ],
        total: eur(3399),
        occurredAt: new Date('2026-11-22T14:00:00.150Z'),
      },
    ]);

    expectRecorded(published, InvoiceIssuedV1);
  });
  describe('subscriptions, keyed by the subscription', () => {
    const subscriptionId = 'bff0d19e-c815-484a-87c4-c38eee6df20f';
    const standard = { subscriptionId, sellerId: 'seller-1', plan: 'standard' };

    it('publishes SubscriptionStarted as finance.subscription-started.v1', () => {
      const [published] = toPublishedSubscriptionEvents([
        {
          type: 'SubscriptionStarted',
          ...standard,
          price: eur(2900),
          period: { start: new Date('2026-12-01T12:00:00.000Z'), end: new Date('2026-12-31T12:00:00.000Z') },
          occurredAt: new Date('2026-12-01T12:00:00.000Z'),
        },
      ]);
      expectRecorded(published, SubscriptionStartedV1);
    });

    it('publishes SubscriptionRenewed as finance.subscription-renewed.v1', () => {
      const [published] = toPublishedSubscriptionEvents([
        {
          type: 'SubscriptionRenewed',
          ...standard,
          price: eur(2900),
          period: { start: new Date('2026-12-31T12:00:00.000Z'), end: new Date('2027-01-30T12:00:00.000Z') },
          occurredAt: new Date('2026-12-31T12:00:05.000Z'),
        },
      ]);
      expectRecorded(published, SubscriptionRenewedV1);
    });

    it('publishes SubscriptionCancelled as finance.subscription-cancelled.v1', () => {
      const [published] = toPublishedSubscriptionEvents([{ type: 'SubscriptionCancelled', ...standard, occurredAt: new Date('2026-12-10T09:30:00.000Z') }]);
      expectRecorded(published, SubscriptionCancelledV1);
    });
  });
});
