import { issuingYearOf, SellerInvoice, SellerInvoiceNumbers, SellerInvoices, Subscription, SubscriptionPeriod } from '@bazaar/finance-domain';
import { IdGenerator } from '@bazaar/shared-kernel';

/**
 * Issues the invoice of a subscription's period, inside the caller's unit of work: the period
 * starts and is invoiced together, or neither. The number is taken last, so its counter is held
 * for as short a time as possible.
 */
export class PeriodInvoicing {
  constructor(
    private readonly invoices: SellerInvoices,
    private readonly numbers: SellerInvoiceNumbers,
    private readonly ids: IdGenerator,
  ) {}

  async invoice(subscription: Subscription, billingAccountId: string, period: SubscriptionPeriod, now: Date): Promise<SellerInvoice> {
    const { id: subscriptionId, sellerId, plan, price } = subscription.snapshot();
    const id = this.ids.next();
    const number = await this.numbers.next(issuingYearOf(now));
    const description = `${plan} plan, ${period.start.toISOString()} to ${period.end.toISOString()}`;
    const invoice = SellerInvoice.issue({
      id,
      number,
      subscriptionId,
      sellerId,
      billingAccountId,
      plan,
      period,
      lines: [{ lineNo: 1, description, amount: price }],
      total: price,
      issuedAt: now,
    });
    await this.invoices.add(invoice);
    return invoice;
  }
}
