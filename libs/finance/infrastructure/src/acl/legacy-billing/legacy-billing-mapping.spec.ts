import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legacyBillingMappings, withLegacyBillingMappings } from './legacy-billing-mapping';
import { toLegacyRequests } from './legacy-billing-queue';
import { outcomeOf } from './legacy-errors';
import { fromLegacyAmount, fromLegacyDate, legacyReference, toLegacyAmount, toLegacyDate } from './legacy-terms';

const document = join(__dirname, '../../../../../../docs/legacy-billing-acl.md');

describe('The legacy billing mapping table', () => {
  it('in docs/legacy-billing-acl.md is the one the ACL declares (run `npm run docs`)', () => {
    const committed = readFileSync(document, 'utf8');
    expect(committed).toBe(withLegacyBillingMappings(committed));
  });

  it('names every Finance fact the ACL translates', () => {
    const facts = ['BillingAccountOpened', 'SubscriptionStarted', 'SubscriptionRenewed', 'SubscriptionCancelled', 'SellerInvoiceIssued', 'InvoiceLineRecorded'];
    for (const fact of facts) expect(legacyBillingMappings.some((mapping) => mapping.financeTerm.includes(fact))).toBe(true);
  });
});

describe('The legacy billing translation', () => {
  const at = new Date('2026-12-01T09:05:42Z');
  const invoiceId = '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d';

  it('writes amounts as two-place decimals and dates as DD.MM.YYYY HH:mm, both ways', () => {
    expect([toLegacyAmount({ amount: 2900, currency: 'EUR' }), toLegacyAmount({ amount: 5, currency: 'GBP' }), toLegacyAmount({ amount: 123456, currency: 'USD' })]).toEqual([
      '29.00',
      '0.05',
      '1234.56',
    ]);
    expect(fromLegacyAmount('1234.56')).toBe(123456);
    expect(toLegacyDate(at)).toBe('01.12.2026 09:05');
    expect(fromLegacyDate('01.12.2026 09:05')).toEqual(new Date('2026-12-01T09:05:00Z'));
  });

  it('refuses a currency whose minor unit is not a hundredth, as Finance’s own error', () => {
    expect(() => toLegacyAmount({ amount: 500, currency: 'JPY' })).toThrow(expect.objectContaining({ code: 'currency_not_supported' }));
  });

  it('turns an issued seller invoice into one charge per line on the subscription’s Contract, by a unique reference', () => {
    const requests = toLegacyRequests(
      {
        type: 'SellerInvoiceIssued',
        occurredAt: at,
        content: {
          id: invoiceId,
          number: { year: 2026, sequence: 1 },
          subscriptionId: 'bff0d19e-c815-484a-87c4-c38eee6df20f',
          sellerId: 'seller-1',
          billingAccountId: 'ba',
          plan: 'standard',
          period: { start: at, end: at },
          lines: [{ lineNo: 1, description: 'standard plan', amount: { amount: 2900, currency: 'EUR' } }],
          total: { amount: 2900, currency: 'EUR' },
          issuedAt: at,
        },
      },
      () => 'unused',
    );

    expect(requests).toEqual([
      {
        reference: legacyReference.charge(invoiceId, 1),
        kind: 'post_charge',
        dependsOn: legacyReference.contract('bff0d19e-c815-484a-87c4-c38eee6df20f'),
        invoiceId,
        lineNo: 1,
        body: { CHGCODE: 'SUBFEE', AMOUNT: '29.00', CURR: 'EUR', VALDATE: '01.12.2026 09:05', TEXT: legacyReference.charge(invoiceId, 1) },
        at,
      },
    ]);
    expect(legacyReference.charge(invoiceId, 1).length).toBeLessThanOrEqual(40);
  });

  it('maps the legacy return codes to Finance’s outcomes', () => {
    expect(outcomeOf(99, 'MAINTENANCE').kind).toBe('unavailable');
    expect(outcomeOf(98, 'SYSTEM ERROR').kind).toBe('unavailable');
    expect(outcomeOf(17, 'ACCOUNT UNKNOWN').kind).toBe('not_yet');
    expect(outcomeOf(18, 'CONTRACT UNKNOWN').kind).toBe('not_yet');
    expect(outcomeOf(21, 'CHARGE CODE UNKNOWN')).toMatchObject({ kind: 'refused', code: 'line_kind_not_bookable' });
    expect(outcomeOf(22, 'AMOUNT FORMAT')).toMatchObject({ kind: 'refused', code: 'amount_not_supported' });
  });
});
