import { CaseOrderView, CaseOrderViewNotFound, CaseOrderViews, readableView } from '@bazaar/support-domain';
import { BuyerDataKeys } from '../ports/buyer-data-keys';
import { CaseQueries, CaseSummary } from '../ports/case-queries';
import { GetCaseOrderView } from './get-case-order-view.query';

/** The projected view and the order's support cases, which live apart: a rebuild of the views never touches the cases. */
export interface CaseOrderViewWithCases {
  readonly view: CaseOrderView;
  readonly cases: readonly CaseSummary[];
}

export class GetCaseOrderViewHandler {
  constructor(
    private readonly views: CaseOrderViews,
    private readonly cases: CaseQueries,
    private readonly keys: BuyerDataKeys,
  ) {}

  async execute({ orderId }: GetCaseOrderView): Promise<CaseOrderViewWithCases> {
    const [stored, cases] = await Promise.all([this.views.find(orderId), this.cases.ofOrder(orderId)]);
    if (!stored) throw new CaseOrderViewNotFound(orderId);
    // A sealed address opens at read time with the buyer's key, if Support still holds it.
    const buyerId = stored.view.checkout?.buyerId;
    const view = buyerId && stored.view.checkout?.sealedShippingAddress ? readableView(stored.view, await this.keys.openerFor(buyerId)) : stored.view;
    return { view, cases };
  }
}
