import { CreateRevenueLedger1763800000000 } from './1763800000000-create-revenue-ledger';
import { AddRevenueReversals1764000000000 } from './1764000000000-add-revenue-reversals';

/** Finance's schema, in order; the platform runs its messaging tables first. */
export const financeMigrations = [CreateRevenueLedger1763800000000, AddRevenueReversals1764000000000];
