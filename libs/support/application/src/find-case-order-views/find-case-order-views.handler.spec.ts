import { emptyCaseOrderView, project } from '@bazaar/support-domain';
import { factsAbout } from '@bazaar/support-domain/testing';
import { InMemoryCaseOrderViews } from '../testing/in-memory-case-order-views';
import { FindCaseOrderViewsHandler } from './find-case-order-views.handler';

describe("Find a buyer's case order views", () => {
  const placedBy = (orderId: string, buyerId: string, placedAt: string) => {
    const placed = factsAbout(orderId).orderPlaced();
    return project(emptyCaseOrderView(orderId), { ...placed, checkout: { ...placed.checkout, buyerId, placedAt } });
  };

  it("answers the buyer's orders, newest first, and no one else's", async () => {
    const views = new InMemoryCaseOrderViews();
    await views.save(placedBy('order-old', 'buyer-ada', '2026-11-01T10:00:00.000Z'), null);
    await views.save(placedBy('order-new', 'buyer-ada', '2026-11-20T10:00:00.000Z'), null);
    await views.save(placedBy('order-bob', 'buyer-bob', '2026-11-21T10:00:00.000Z'), null);

    const found = await new FindCaseOrderViewsHandler(views).execute({ buyerId: 'buyer-ada' });

    expect(found.map((view) => view.orderId)).toEqual(['order-new', 'order-old']);
  });

  it('answers nothing for a buyer Support has not seen', async () => {
    await expect(new FindCaseOrderViewsHandler(new InMemoryCaseOrderViews()).execute({ buyerId: 'nobody' })).resolves.toEqual([]);
  });
});
