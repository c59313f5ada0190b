import { CaseOrderView, CaseOrderViewNotFound, CaseOrderViews } from '@bazaar/support-domain';
import { GetCaseOrderView } from './get-case-order-view.query';

export class GetCaseOrderViewHandler {
  constructor(private readonly views: CaseOrderViews) {}

  async execute({ orderId }: GetCaseOrderView): Promise<CaseOrderView> {
    const stored = await this.views.find(orderId);
    if (!stored) throw new CaseOrderViewNotFound(orderId);
    return stored.view;
  }
}
