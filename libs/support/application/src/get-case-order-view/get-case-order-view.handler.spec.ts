import { CaseOrderViewNotFound, emptyCaseOrderView, project } from '@bazaar/support-domain';
import { aSupportCase, factsAbout } from '@bazaar/support-domain/testing';
import { InMemoryCaseOrderViews } from '../testing/in-memory-case-order-views';
import { InMemorySupportCases } from '../testing/in-memory-support-cases';
import { GetCaseOrderViewHandler } from './get-case-order-view.handler';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';

describe('Get the case order view', () => {
  let views: InMemoryCaseOrderViews;
  let cases: InMemorySupportCases;
  let handler: GetCaseOrderViewHandler;

  beforeEach(() => {
    views = new InMemoryCaseOrderViews();
    cases = new InMemorySupportCases();
    handler = new GetCaseOrderViewHandler(views, cases.queries);
  });

  it('returns the view of an order Support has heard of, with no cases when none was opened', async () => {
    const view = project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlaced());
    await views.save(view, null);

    await expect(handler.execute({ orderId })).resolves.toEqual({ view, cases: [] });
  });

  it("lists the order's cases, and only that order's", async () => {
    await views.save(project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlaced()), null);
    await cases.save(aSupportCase().withId('case-1').forOrder(orderId).unsaved());
    await cases.save(aSupportCase().withId('case-2').forOrder('another-order').unsaved());

    const { cases: listed } = await handler.execute({ orderId });

    expect(listed.map((summary) => [summary.caseId, summary.status])).toEqual([['case-1', 'open']]);
  });

  it('says the view is not found for an order no event has mentioned', async () => {
    await expect(handler.execute({ orderId })).rejects.toThrow(CaseOrderViewNotFound);
  });
});
