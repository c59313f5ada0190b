import { Recognition, Sale, Sales } from '@bazaar/finance-domain';
import { UnitOfWork } from '../ports/unit-of-work';
import { InvoiceOnRecognition } from './invoice-on-recognition';

/**
 * How every use case changes a sale: load it (or open it, if Finance has heard nothing of the
 * order), apply one decision, save it if anything changed, and invoice the buyer if the decision
 * recognized the revenue — all in one unit of work.
 */
export class SaleChanges {
  constructor(
    private readonly sales: Sales,
    private readonly invoicing: InvoiceOnRecognition,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  apply(orderId: string, decide: (sale: Sale) => Recognition | null | void): Promise<Sale> {
    return this.unitOfWork.run(async () => {
      const sale = (await this.sales.byOrder(orderId)) ?? Sale.open(orderId);
      const recognition = decide(sale);
      if (sale.hasChanges) await this.sales.save(sale);
      if (recognition) await this.invoicing.issueFor(recognition);
      return sale;
    });
  }
}
