/**
 * An invoice line is recorded in the books of record (the billing system accounts are kept in):
 * the line is posted there, under `externalReference`, at `recordedAt`. Until every line of an
 * invoice is recorded the invoice needs reconciling.
 */
export interface InvoiceLineRecorded {
  readonly invoiceId: string;
  readonly lineNo: number;
  readonly externalReference: string;
  readonly recordedAt: Date;
}

/** Which lines are recorded; each at most once. */
export abstract class InvoiceLineRecordings {
  /** Records the line; false when it already was (the first record stands). */
  abstract record(recorded: InvoiceLineRecorded): Promise<boolean>;
}
