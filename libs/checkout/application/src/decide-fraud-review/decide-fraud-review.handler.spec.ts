import { anAnalystsDecision, anOrder } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenScreened, savedEventTypes, statusOf } from '../testing/given';
import { DecideFraudReviewHandler } from './decide-fraud-review.handler';

const byAnalyst = { analyst: anAnalystsDecision.by, reason: anAnalystsDecision.reason };

async function inReview() {
  const fakes = checkoutFakes();
  const order = await givenScreened(fakes, anOrder().withLines({ sku: 'RING', quantity: 1, unitPrice: money(1_200_000, 'EUR') }));
  return { fakes, order, handler: new DecideFraudReviewHandler(fakes.orders, fakes.runner) };
}

describe('A risk analyst decides a fraud review', () => {
  it('approves: the approval is recorded and the order proceeds to payment', async () => {
    const { fakes, order, handler } = await inReview();

    await handler.execute({ orderId: order.id, decision: 'approve', ...byAnalyst });

    expect(await statusOf(fakes, order)).toBe('payment_authorized');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'FraudReviewRequested', 'FraudReviewApproved', 'PaymentAuthorized']);
  });

  it('records who decided and why on the order and in its event', async () => {
    const { fakes, order, handler } = await inReview();

    await handler.execute({ orderId: order.id, decision: 'reject', analyst: 'analyst-9', reason: 'Card reported stolen' });

    const decided = await fakes.orders.byId(order.id);
    expect(decided?.fraudReview).toMatchObject({ decision: 'rejected', decidedBy: 'analyst-9', decisionReason: 'Card reported stolen' });
  });

  it('refuses a decision by the order’s own buyer (four eyes), and nothing moves', async () => {
    const { fakes, order, handler } = await inReview();

    await expect(handler.execute({ orderId: order.id, decision: 'approve', analyst: order.buyerId, reason: 'Looks fine to me' })).rejects.toMatchObject({
      code: 'fraud_review_by_buyer',
      kind: 'forbidden',
    });
    expect(await statusOf(fakes, order)).toBe('awaiting_fraud_review');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'FraudReviewRequested']);
  });

  it('rejects: the order is cancelled as fraud_rejected, and no payment is ever asked for', async () => {
    const { fakes, order, handler } = await inReview();

    await handler.execute({ orderId: order.id, decision: 'reject', ...byAnalyst });

    expect((await fakes.orders.byId(order.id))?.cancellationReason).toBe('fraud_rejected');
    expect(savedEventTypes(fakes).slice(-2)).toEqual(['FraudReviewRejected', 'OrderCancelled']);
    expect(fakes.gateway.authorizeCalls).toBe(0);
  });

  it('takes the same decision twice as one', async () => {
    const { fakes, order, handler } = await inReview();
    await handler.execute({ orderId: order.id, decision: 'approve', ...byAnalyst });

    await handler.execute({ orderId: order.id, decision: 'approve', ...byAnalyst });

    expect(savedEventTypes(fakes).filter((type) => type === 'FraudReviewApproved')).toHaveLength(1);
  });

  it('refuses the opposite decision once decided (409 fraud_review_not_pending)', async () => {
    const { order, handler } = await inReview();
    await handler.execute({ orderId: order.id, decision: 'approve', ...byAnalyst });

    await expect(handler.execute({ orderId: order.id, decision: 'reject', ...byAnalyst })).rejects.toMatchObject({ code: 'fraud_review_not_pending', kind: 'conflict' });
  });

  it('refuses to decide an order that was never in review', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);

    await expect(new DecideFraudReviewHandler(fakes.orders, fakes.runner).execute({ orderId: order.id, decision: 'approve', ...byAnalyst })).rejects.toMatchObject({
      code: 'fraud_review_not_pending',
    });
  });

  it('says so when there is no such order', async () => {
    const fakes = checkoutFakes();
    await expect(new DecideFraudReviewHandler(fakes.orders, fakes.runner).execute({ orderId: 'nope', decision: 'approve', ...byAnalyst })).rejects.toMatchObject({
      code: 'order_not_found',
    });
  });
});
