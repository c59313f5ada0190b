import { Clock } from '@bazaar/shared-kernel';
import { SubscriptionQueries, UnreconciledInvoice } from '../ports/subscription-queries';

export interface Reconciliation {
  readonly asOf: Date;
  readonly invoices: readonly (UnreconciledInvoice & { readonly ageSeconds: number })[];
}

/** The seller invoices whose lines the books of record have not all confirmed, oldest first, with their age now. */
export class GetReconciliationHandler {
  constructor(
    private readonly subscriptions: SubscriptionQueries,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<Reconciliation> {
    const asOf = this.clock.now();
    const invoices = await this.subscriptions.unreconciled();
    return { asOf, invoices: invoices.map((invoice) => ({ ...invoice, ageSeconds: Math.max(0, Math.floor((asOf.getTime() - invoice.issuedAt.getTime()) / 1000)) })) };
  }
}
