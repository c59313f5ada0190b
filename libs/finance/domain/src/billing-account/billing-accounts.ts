import { BillingAccount } from './billing-account';

/** The repository port: one billing account per seller. */
export abstract class BillingAccounts {
  abstract ofSeller(sellerId: string): Promise<BillingAccount | undefined>;

  /** Adds a newly opened account with its events; ConcurrencyConflict when the seller already has one. */
  abstract add(account: BillingAccount): Promise<void>;
}
