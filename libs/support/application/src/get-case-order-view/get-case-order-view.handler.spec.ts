import { CaseOrderViewNotFound, emptyCaseOrderView, project } from '@bazaar/support-domain';
import { aSupportCase, factsAbout } from '@bazaar/support-domain/testing';
import { InMemoryBuyerDataKeys } from '../testing/in-memory-buyer-data-keys';
import { InMemoryCaseOrderViews } from '../testing/in-memory-case-order-views';
import { InMemorySupportCases } from '../testing/in-memory-support-cases';
import { GetCaseOrderViewHandler } from './get-case-order-view.handler';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';

describe('Get the case order view', () => {
  let views: InMemoryCaseOrderViews;
  let cases: InMemorySupportCases;
  let keys: InMemoryBuyerDataKeys;
  let handler: GetCaseOrderViewHandler;

  beforeEach(() => {
    views = new InMemoryCaseOrderViews();
    cases = new InMemorySupportCases();
    keys = new InMemoryBuyerDataKeys();
    handler = new GetCaseOrderViewHandler(views, cases.queries, keys);
  });

  const address = { name: 'Ada Lovelace', line1: "12 St James's Square", line2: null, city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

  it('opens a sealed address with the key Support holds for the buyer, and never shows the sealed form', async () => {
    await views.save(project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlacedSealed()), null);
    keys.hold('buyer-42', 'key-1', { [`sealed-${orderId}`]: address });

    const { view } = await handler.execute({ orderId });

    expect(view.personalData).toBe('present');
    expect(view.checkout).toEqual(expect.objectContaining({ shippingAddress: address }));
    expect(view.checkout).not.toHaveProperty('sealedShippingAddress');
  });

  it.each([
    ['no key for the buyer (erased: the tombstone deleted it)', () => undefined],
    ['only a newer key of the buyer (erased, then a new order)', () => keys.hold('buyer-42', 'key-2', { [`sealed-${orderId}`]: address })],
  ])('answers a sealed address as erased with %s', async (_, arrange) => {
    await views.save(project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlacedSealed()), null);
    arrange();

    const { view } = await handler.execute({ orderId });

    expect(view.personalData).toBe('erased');
    expect(view.checkout).toEqual(expect.objectContaining({ shippingAddress: null, lines: expect.any(Array) }));
    expect(view.checkout).not.toHaveProperty('sealedShippingAddress');
  });

  it('keeps an erased view erased even while the key is still held (the erasure event came before the tombstone)', async () => {
    const facts = factsAbout(orderId);
    await views.save(project(project(emptyCaseOrderView(orderId), facts.orderPlacedSealed()), facts.personalDataErased()), null);
    keys.hold('buyer-42', 'key-1', { [`sealed-${orderId}`]: address });

    const { view } = await handler.execute({ orderId });

    expect([view.personalData, view.checkout?.shippingAddress]).toEqual(['erased', null]);
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
