import { BillingAccount } from './billing-account';

const openedAt = new Date('2026-12-01T00:00:00Z');

describe('BillingAccount', () => {
  it('opens for a seller with a payment method reference, the seller as the billed party unless named', () => {
    const account = BillingAccount.open({ id: 'ba-1', sellerId: 'seller-1', paymentMethodRef: 'pm_card_42', openedAt });

    expect(account.snapshot).toEqual({ id: 'ba-1', sellerId: 'seller-1', billingParty: 'seller-1', paymentMethodRef: 'pm_card_42', openedAt });
    expect(account.pendingEvents).toEqual([
      { type: 'BillingAccountOpened', billingAccountId: 'ba-1', sellerId: 'seller-1', billingParty: 'seller-1', paymentMethodRef: 'pm_card_42', occurredAt: openedAt },
    ]);
  });

  it('refuses a payment method reference that is not a token', () => {
    expect(() => BillingAccount.open({ id: 'ba-1', sellerId: 's', paymentMethodRef: '4111 1111 1111 1111', openedAt })).toThrow(
      expect.objectContaining({ code: 'payment_method_ref_invalid' }),
    );
  });
});
