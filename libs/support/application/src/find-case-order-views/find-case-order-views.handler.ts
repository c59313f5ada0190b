import { CaseOrderView, CaseOrderViews } from '@bazaar/support-domain';
import { FindCaseOrderViews } from './find-case-order-views.query';

/** At most this many orders per buyer: an agent pages through a buyer's orders by date, not by the thousand. */
export const buyerViewsLimit = 100;

/** A buyer's orders, newest first; a buyer Support has never seen has none. */
export class FindCaseOrderViewsHandler {
  constructor(private readonly views: CaseOrderViews) {}

  execute({ buyerId }: FindCaseOrderViews): Promise<readonly CaseOrderView[]> {
    return this.views.ofBuyer(buyerId, buyerViewsLimit);
  }
}
