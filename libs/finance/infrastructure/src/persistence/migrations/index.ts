import { CreateRevenueLedger1763800000000 } from './1763800000000-create-revenue-ledger';
import { AddRevenueReversals1764000000000 } from './1764000000000-add-revenue-reversals';
import { CreateSales1764200000000 } from './1764200000000-create-sales';
import { CreateInvoices1764200000001 } from './1764200000001-create-invoices';
import { RememberCancellations1764300000000 } from './1764300000000-remember-cancellations';
import { CreateSubscriptions1765100000000 } from './1765100000000-create-subscriptions';
import { TakeInvoiceNumbers1765200000000 } from './1765200000000-take-invoice-numbers';
import { CreateLegacyBillingQueue1765100000001 } from '../../acl/legacy-billing/legacy-billing-queue.migration';

/** Finance's schema, in order; the platform runs its messaging tables first. */
export const financeMigrations = [
  CreateRevenueLedger1763800000000,
  AddRevenueReversals1764000000000,
  CreateSales1764200000000,
  CreateInvoices1764200000001,
  RememberCancellations1764300000000,
  CreateSubscriptions1765100000000,
  CreateLegacyBillingQueue1765100000001,
  TakeInvoiceNumbers1765200000000,
];
