import { CreateCaseOrderViews1763800000000 } from './1763800000000-create-case-order-views';
import { CreateSupportCases1764100000000 } from './1764100000000-create-support-cases';
import { CreateBuyerDataKeys1766000000000 } from './1766000000000-create-buyer-data-keys';

/** Support's schema, in order; the platform runs its messaging tables first. */
export const supportMigrations = [CreateCaseOrderViews1763800000000, CreateSupportCases1764100000000, CreateBuyerDataKeys1766000000000];
