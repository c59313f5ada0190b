import { CaseQueries, CaseSummary } from '../ports/case-queries';
import { ListCasesForOrder } from './list-cases-for-order.query';

/** The order's cases, oldest first; an order without cases (or unknown) has an empty list. */
export class ListCasesForOrderHandler {
  constructor(private readonly queries: CaseQueries) {}

  execute({ orderId }: ListCasesForOrder): Promise<readonly CaseSummary[]> {
    return this.queries.ofOrder(orderId);
  }
}
