import { Money } from '@bazaar/shared-kernel';
import { SubscriptionPeriod, SubscriptionStatus } from '@bazaar/finance-domain';

/** A subscription's invoice as its reader sees it. */
export interface SubscriptionInvoiceDetails {
  readonly invoiceId: string;
  /** `S2026-000001` */
  readonly invoiceNumber: string;
  readonly period: SubscriptionPeriod;
  readonly total: Money;
  readonly issuedAt: Date;
  readonly lines: number;
  /** Lines recorded in the books of record so far. */
  readonly linesRecorded: number;
}

/** A subscription as a reader sees it: its plan, status, current period, billing account and invoices. */
export interface SubscriptionDetails {
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly billingAccountId: string;
  readonly plan: string;
  readonly price: Money;
  readonly status: SubscriptionStatus;
  readonly currentPeriod: SubscriptionPeriod;
  readonly startedAt: Date;
  readonly cancelledAt: Date | null;
  readonly invoices: readonly SubscriptionInvoiceDetails[];
}

/** A seller invoice some of whose lines the books of record have not confirmed yet. */
export interface UnreconciledInvoice {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly total: Money;
  readonly issuedAt: Date;
  readonly lines: number;
  readonly linesRecorded: number;
}

/** Subscriptions' read side: answered straight from what is stored. */
export abstract class SubscriptionQueries {
  abstract byId(subscriptionId: string): Promise<SubscriptionDetails | undefined>;

  /** Every seller invoice with a line not yet recorded, oldest first. */
  abstract unreconciled(): Promise<readonly UnreconciledInvoice[]>;
}
