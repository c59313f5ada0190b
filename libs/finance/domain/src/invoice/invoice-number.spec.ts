import { formatInvoiceNumber, invoiceNumber, issuingYearOf } from './invoice-number';

describe('Invoice numbers', () => {
  it.each([
    [2026, 1, '2026-000001'],
    [2026, 42, '2026-000042'],
    [2027, 999_999, '2027-999999'],
    [2027, 1_000_000, '2027-1000000'],
  ])('%i, number %i, is written %s', (year, sequence, written) => {
    expect(formatInvoiceNumber(invoiceNumber(year, sequence))).toBe(written);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [26, 1],
    [10_000, 1],
  ])('refuse year %i, number %i', (year, sequence) => {
    expect(() => invoiceNumber(year, sequence)).toThrow(expect.objectContaining({ code: 'invoice_number_invalid' }));
  });

  it.each([
    ['2026-12-31T23:59:59.999Z', 2026],
    ['2027-01-01T00:00:00.000Z', 2027],
    ['2027-01-01T00:30:00.000+01:00', 2026],
    ['2026-12-31T23:30:00.000-01:00', 2027],
  ])('are of the UTC year of their issue: %s is in %i', (issuedAt, year) => {
    expect(issuingYearOf(new Date(issuedAt))).toBe(year);
  });
});
