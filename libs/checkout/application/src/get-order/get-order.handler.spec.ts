import { OrderNotFound } from '@bazaar/checkout-domain';
import { anOrder } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { CancelOrderHandler } from '../cancel-order/cancel-order.handler';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenPlaced, givenScreened } from '../testing/given';
import { GetOrderHandler } from './get-order.handler';

describe('Getting an order', () => {
  it('shows the order with its lines and total and its process as placing left it, but not its payment token', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes, anOrder().paidWith('tok_secret'));

    const details = await new GetOrderHandler(fakes.orderQueries).execute({ orderId: order.id });

    expect(details).toEqual({
      orderId: order.id,
      buyerId: order.buyerId,
      status: 'placed',
      lines: order.lines,
      total: order.total,
      shippingAddress: order.shippingAddress,
      personalData: 'present',
      placedAt: order.placedAt,
      payment: { state: 'pending' },
      process: { step: 'authorizing', pending: ['AuthorizePayment'], attempts: 0, nextAttemptAt: fakes.clock.now() },
    });
    expect(JSON.stringify(details)).not.toContain('tok_secret');
  });

  it('shows where the order process stands and its deadline, but not the gateway’s authorization reference', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);

    const details = await new GetOrderHandler(fakes.orderQueries).execute({ orderId: order.id });

    expect(details).toMatchObject({ status: 'payment_authorized', payment: { state: 'authorized' } });
    expect(details.process).toEqual({
      step: 'awaiting_inventory',
      pending: [],
      attempts: 0,
      reservationDeadline: new Date(fakes.clock.now().getTime() + fakes.settings.reservationTimeoutMs),
    });
    expect(JSON.stringify(details)).not.toContain('auth-1');
  });

  it('shows a fraud review with its score, reasons and decision', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes, anOrder().withLines({ sku: 'RING', quantity: 1, unitPrice: money(1_500_000, 'EUR') }));

    const details = await new GetOrderHandler(fakes.orderQueries).execute({ orderId: order.id });

    expect(details).toMatchObject({ status: 'awaiting_fraud_review', fraudReview: { score: 100, reasons: ['large_order'], decision: 'pending' } });
    expect(details.process?.step).toBe('awaiting_fraud_review');
  });

  it('shows why a cancelled order was cancelled, and that its authorization was voided', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    await new CancelOrderHandler(fakes.orders, fakes.runner).execute({ orderId: order.id });

    const details = await new GetOrderHandler(fakes.orderQueries).execute({ orderId: order.id });

    expect(details).toMatchObject({ status: 'cancelled', cancellationReason: 'buyer_cancelled', payment: { state: 'voided' }, process: { step: 'cancelled' } });
  });

  it('shows a declined payment with its reason', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes, anOrder().paidWith('tok_declined'));

    const details = await new GetOrderHandler(fakes.orderQueries).execute({ orderId: order.id });

    expect(details).toMatchObject({ status: 'cancelled', cancellationReason: 'payment_declined', payment: { state: 'declined', declineReason: 'declined' } });
  });

  it('says so when there is no such order', async () => {
    const query = new GetOrderHandler(checkoutFakes().orderQueries).execute({ orderId: '00000000-0000-4000-8000-000000000099' });

    await expect(query).rejects.toBeInstanceOf(OrderNotFound);
    await expect(query).rejects.toMatchObject({ code: 'order_not_found', kind: 'not_found' });
  });
});
