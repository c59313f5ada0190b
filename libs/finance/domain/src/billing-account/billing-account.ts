import { AggregateRoot, DomainError } from '@bazaar/shared-kernel';

/** How a seller pays: a reference to a payment method held by the payment provider, never its details. */
export interface BillingAccountSnapshot {
  readonly id: string;
  readonly sellerId: string;
  /** The party invoiced: the seller's name on their invoices (their id until they give another). */
  readonly billingParty: string;
  readonly paymentMethodRef: string;
  readonly openedAt: Date;
}

/** Finance opened the account a seller's invoices are billed to. */
export interface BillingAccountOpened {
  readonly type: 'BillingAccountOpened';
  readonly billingAccountId: string;
  readonly sellerId: string;
  readonly billingParty: string;
  readonly paymentMethodRef: string;
  readonly occurredAt: Date;
}

export type BillingAccountEvent = BillingAccountOpened;

/** A payment method reference is an opaque token (`pm_…`, or `invoice` for a bank transfer against the invoice). */
export class PaymentMethodRefInvalid extends DomainError {
  readonly code = 'payment_method_ref_invalid';
  readonly kind = 'invalid' as const;

  constructor(ref: string) {
    super(`Payment method reference ${JSON.stringify(ref)} is not a token`);
  }
}

/**
 * Who pays for a seller's subscriptions and how: one per seller, opened with their first
 * subscription. It owns no subscription and no invoice; they name it.
 */
export class BillingAccount extends AggregateRoot<BillingAccountEvent> {
  private constructor(
    readonly snapshot: BillingAccountSnapshot,
    version: number,
  ) {
    super(version);
  }

  static open(terms: Omit<BillingAccountSnapshot, 'billingParty'> & { readonly billingParty?: string }): BillingAccount {
    if (!/^(invoice|pm_[A-Za-z0-9_]{1,64})$/.test(terms.paymentMethodRef)) throw new PaymentMethodRefInvalid(terms.paymentMethodRef);
    const snapshot = Object.freeze({ ...terms, billingParty: terms.billingParty?.trim() || terms.sellerId });
    const account = new BillingAccount(snapshot, 0);
    const { id, sellerId, billingParty, paymentMethodRef, openedAt } = snapshot;
    account.record({ type: 'BillingAccountOpened', billingAccountId: id, sellerId, billingParty, paymentMethodRef, occurredAt: openedAt });
    return account;
  }

  static restore(snapshot: BillingAccountSnapshot, version: number): BillingAccount {
    return new BillingAccount(Object.freeze({ ...snapshot }), version);
  }

  get id(): string {
    return this.snapshot.id;
  }
}
