import { anEvent } from '@bazaar/platform-testing';
import { orderCancellationReasons, OrderCancelledV1, PaymentAuthorizedV1 } from '@bazaar/published-language';
import { deferredRevenueFor, revenueReversalFor } from './checkout-translation';

describe('Checkout → Finance translation', () => {
  it('expects the authorized amount as revenue, leaving lines, buyer and address behind', () => {
    const eur3399 = { amount: 3399, currency: 'EUR' };
    const { data } = anEvent(PaymentAuthorizedV1, { data: { amount: eur3399, total: eur3399 } });

    expect(deferredRevenueFor(data)).toEqual({ orderId: data.orderId, amount: eur3399 });
  });

  it.each(orderCancellationReasons)('reverses the revenue of an order cancelled (%s) after its payment was authorized', (reason) => {
    const { data } = anEvent(OrderCancelledV1, { data: { reason, paymentWasAuthorized: true } });

    expect(revenueReversalFor(data)).toEqual({ orderId: data.orderId });
  });

  it('asks for nothing when the order was cancelled before its payment was authorized', () => {
    const { data } = anEvent(OrderCancelledV1, { data: { reason: 'payment_declined', paymentWasAuthorized: false, authorizationVoided: false } });

    expect(revenueReversalFor(data)).toBeUndefined();
  });
});
