import { CaseOrderViewNotFound, emptyCaseOrderView, project } from '@bazaar/support-domain';
import { factsAbout } from '@bazaar/support-domain/testing';
import { InMemoryCaseOrderViews } from '../testing/in-memory-case-order-views';
import { GetCaseOrderViewHandler } from './get-case-order-view.handler';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';

describe('Get the case order view', () => {
  it('returns the view of an order Support has heard of', async () => {
    const views = new InMemoryCaseOrderViews();
    const view = project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlaced());
    await views.save(view, null);

    await expect(new GetCaseOrderViewHandler(views).execute({ orderId })).resolves.toEqual(view);
  });

  it('says the view is not found for an order no event has mentioned', async () => {
    const handler = new GetCaseOrderViewHandler(new InMemoryCaseOrderViews());

    await expect(handler.execute({ orderId })).rejects.toThrow(CaseOrderViewNotFound);
  });
});
