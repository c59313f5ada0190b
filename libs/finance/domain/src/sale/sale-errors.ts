import { DomainError } from '@bazaar/shared-kernel';

/** A sale is made to a known buyer. */
export class SaleTermsInvalid extends DomainError {
  readonly code = 'sale_terms_invalid';
  readonly kind = 'invalid' as const;

  constructor(reason: string) {
    super(`Sale terms are invalid: ${reason}`);
  }
}

/**
 * A cancellation of an order whose revenue is already earned: its goods were dispatched, which
 * Checkout refuses to cancel. Undoing earned revenue is a credit note for a person to decide on,
 * never a silent reversal.
 */
export class RevenueAlreadyRecognized extends DomainError {
  readonly code = 'revenue_already_recognized';
  readonly kind = 'conflict' as const;

  constructor(orderId: string) {
    super(`Order ${orderId} was dispatched and its revenue recognized: a cancellation cannot reverse it`);
  }
}

/**
 * A dispatch of an order whose revenue was reversed: it was cancelled, yet its goods left. Someone
 * must sort out the parcel and the payment; Finance records no revenue for it.
 */
export class RevenueAlreadyReversed extends DomainError {
  readonly code = 'revenue_already_reversed';
  readonly kind = 'conflict' as const;

  constructor(orderId: string, shipmentId: string) {
    super(`Order ${orderId} was cancelled and its revenue reversed, yet shipment ${shipmentId} was dispatched`);
  }
}

/**
 * Revenue deferred before Finance kept what was sold (an earlier release): its recognition would
 * need an invoice Finance cannot write. Refused, so that a person sees it rather than an order
 * earning revenue without an invoice.
 */
export class SaleTermsUnknown extends DomainError {
  readonly code = 'sale_terms_unknown';
  readonly kind = 'conflict' as const;

  constructor(orderId: string) {
    super(`Order ${orderId} has deferred revenue but no recorded lines: it cannot be invoiced`);
  }
}
