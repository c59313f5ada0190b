import { DomainError } from '@bazaar/shared-kernel';

/** A year of four digits and a place in its sequence from 1. */
export class InvoiceNumberInvalid extends DomainError {
  readonly code = 'invoice_number_invalid';
  readonly kind = 'invalid' as const;

  constructor(reason: string) {
    super(`Invoice number is invalid: ${reason}`);
  }
}

/** An invoice bears a number of the year it is issued in. */
export class InvoiceNumberOfAnotherYear extends DomainError {
  readonly code = 'invoice_number_of_another_year';
  readonly kind = 'invalid' as const;

  constructor(number: string, issuedAt: Date) {
    super(`Invoice number ${number} does not belong to the year of ${issuedAt.toISOString()}`);
  }
}

/** An invoice is issued to a known buyer. */
export class InvoiceBuyerMissing extends DomainError {
  readonly code = 'invoice_buyer_missing';
  readonly kind = 'invalid' as const;

  constructor(invoiceId: string) {
    super(`Invoice ${invoiceId} names no buyer`);
  }
}

/** No invoice with this id. */
export class InvoiceNotFound extends DomainError {
  readonly code = 'invoice_not_found';
  readonly kind = 'not_found' as const;

  constructor(invoiceId: string) {
    super(`Invoice ${invoiceId} does not exist`);
  }
}
