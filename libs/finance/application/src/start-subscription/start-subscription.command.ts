/** A seller subscribes to a plan; their billing account is opened with their first subscription. */
export interface StartSubscription {
  readonly sellerId: string;
  readonly plan: string;
  /** The payment method the billing account charges (`pm_…`), or `invoice` (the default): a bank transfer against the invoice. */
  readonly paymentMethodRef?: string;
}
