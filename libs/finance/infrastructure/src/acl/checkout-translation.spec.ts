import { anEvent, recordedExample } from '@bazaar/platform-testing';
import { orderCancellationReasons, OrderCancelledV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { deferredRevenueFor, revenueReversalFor } from './checkout-translation';

describe('Checkout → Finance translation', () => {
  const eur = (amount: number) => ({ amount, currency: 'EUR' });

  it('expects the revenue of what was sold: the buyer, the priced lines and the total, leaving the address and the authorization reference behind', () => {
    const { data } = recordedExample(PaymentAuthorizedV1);

    expect(deferredRevenueFor(data)).toEqual({
      orderId: data.orderId,
      terms: {
        buyerId: 'buyer-42',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) },
          { sku: 'TEA-EARL', quantity: 1, unitPrice: eur(899), lineTotal: eur(899) },
        ],
        total: eur(3399),
      },
    });
  });

  it('expects the same revenue of a v2 (its address sealed) as of the v1 it follows', () => {
    expect(deferredRevenueFor(recordedExample(PaymentAuthorizedV2).data)).toEqual(deferredRevenueFor(recordedExample(PaymentAuthorizedV1).data));
  });

  it.each(orderCancellationReasons)('reverses the revenue of an order cancelled (%s) after its payment was authorized', (reason) => {
    const { data } = anEvent(OrderCancelledV1, { data: { reason, paymentWasAuthorized: true } });

    expect(revenueReversalFor(data)).toEqual({ orderId: data.orderId });
  });

  it('asks the same for an order cancelled before its payment was authorized, so that Finance remembers it', () => {
    const { data } = anEvent(OrderCancelledV1, { data: { reason: 'payment_declined', paymentWasAuthorized: false, authorizationVoided: false } });

    expect(revenueReversalFor(data)).toEqual({ orderId: data.orderId });
  });
});
