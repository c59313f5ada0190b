import { anAnalystsDecision, anOrder } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { DecideFraudReviewHandler } from '../decide-fraud-review/decide-fraud-review.handler';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenScreened } from '../testing/given';
import { ListPendingFraudReviewsHandler } from './list-pending-fraud-reviews.handler';

const byAnalyst = { analyst: anAnalystsDecision.by, reason: anAnalystsDecision.reason };

const large = (id: string) =>
  anOrder()
    .withId(id)
    .withLines({ sku: 'RING', quantity: 1, unitPrice: money(1_000_000, 'EUR') });

describe('Listing pending fraud reviews', () => {
  it('lists the orders waiting for a decision, oldest first, with what screening found', async () => {
    const fakes = checkoutFakes();
    const first = await givenScreened(fakes, large('00000000-0000-4000-8000-0000000000a1'));
    fakes.later(60_000);
    const second = await givenScreened(fakes, large('00000000-0000-4000-8000-0000000000a2'));
    await givenScreened(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a3'));

    const pending = await new ListPendingFraudReviewsHandler(fakes.pendingReviews).execute({});

    expect(pending.map((review) => review.orderId)).toEqual([first.id, second.id]);
    expect(pending[0]).toEqual({
      orderId: first.id,
      buyerId: first.buyerId,
      total: money(1_000_000, 'EUR'),
      score: 100,
      reasons: ['large_order'],
      requestedAt: new Date('2026-12-01T10:00:00.000Z'),
    });
  });

  it('no longer lists a decided review', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes, large('00000000-0000-4000-8000-0000000000a1'));
    await new DecideFraudReviewHandler(fakes.orders, fakes.runner).execute({ orderId: order.id, decision: 'reject', ...byAnalyst });

    expect(await new ListPendingFraudReviewsHandler(fakes.pendingReviews).execute({})).toEqual([]);
  });
});
