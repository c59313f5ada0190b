import { InvoiceNumberInvalid } from './invoice-errors';

/**
 * An invoice's number: the year it was issued in (UTC) and its place in that year's sequence,
 * which starts at 1 and has neither gaps nor duplicates. Written `2026-000001`.
 */
export interface InvoiceNumber {
  readonly year: number;
  readonly sequence: number;
}

export function invoiceNumber(year: number, sequence: number): InvoiceNumber {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new InvoiceNumberInvalid(`year ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new InvoiceNumberInvalid(`sequence ${sequence}`);
  return Object.freeze({ year, sequence });
}

/** `2026-000042`: six digits at least, more once a year passes 999,999 invoices. */
export function formatInvoiceNumber({ year, sequence }: InvoiceNumber): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** Invoices are numbered per calendar year in UTC, whatever the time zone of whoever issues them. */
export function issuingYearOf(issuedAt: Date): number {
  return issuedAt.getUTCFullYear();
}
