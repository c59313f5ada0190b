import { CaseOrderView, CaseOrderViewNotFound, CaseOrderViews } from '@bazaar/support-domain';
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
  ) {}

  async execute({ orderId }: GetCaseOrderView): Promise<CaseOrderViewWithCases> {
    const [stored, cases] = await Promise.all([this.views.find(orderId), this.cases.ofOrder(orderId)]);
    if (!stored) throw new CaseOrderViewNotFound(orderId);
    return { view: stored.view, cases };
  }
}
