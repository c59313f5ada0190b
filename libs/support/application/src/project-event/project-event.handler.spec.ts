import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { factsAbout } from '@bazaar/support-domain/testing';
import { InMemoryCaseOrderViews } from '../testing/in-memory-case-order-views';
import { ProjectEventHandler } from './project-event.handler';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const facts = factsAbout(orderId);

describe('Project an event into the case order view', () => {
  let views: InMemoryCaseOrderViews;
  let handler: ProjectEventHandler;

  beforeEach(() => {
    views = new InMemoryCaseOrderViews();
    handler = new ProjectEventHandler(views);
  });

  it('starts a partial view when the first fact about an order is not its checkout', async () => {
    await handler.execute({ fact: facts.shipmentCreated() });

    const stored = await views.find(orderId);
    expect(stored?.version).toBe(1);
    expect(stored?.view.checkout).toBeNull();
    expect(stored?.view.shipments.map((shipment) => shipment.shipmentId)).toEqual(['shp-1']);
  });

  it('completes the view as the other facts arrive', async () => {
    await handler.execute({ fact: facts.revenueDeferred() });
    await handler.execute({ fact: facts.shipmentCreated() });
    await handler.execute({ fact: facts.orderPlaced() });

    const stored = await views.find(orderId);
    expect(stored?.version).toBe(3);
    expect(stored?.view.checkout?.buyerId).toBe('buyer-42');
    expect(stored?.view.timeline.map((entry) => entry.type)).toEqual(['checkout.cart-checked-out', 'finance.revenue-deferred', 'fulfillment.shipment-created']);
  });

  it('writes nothing for an event the view already holds', async () => {
    await handler.execute({ fact: facts.orderPlaced() });

    await handler.execute({ fact: facts.orderPlaced() });

    expect(views.saves).toBe(1);
    expect((await views.find(orderId))?.version).toBe(1);
  });

  it('fails with a concurrency conflict when another fact was saved meanwhile, and succeeds on retry', async () => {
    views.interleaveAfterNextFind(() => new ProjectEventHandler(views).execute({ fact: facts.shipmentCreated() }));

    await expect(handler.execute({ fact: facts.orderPlaced() })).rejects.toThrow(ConcurrencyConflict);
    await handler.execute({ fact: facts.orderPlaced() });

    const stored = await views.find(orderId);
    expect(stored?.view.timeline.map((entry) => entry.eventId)).toEqual(['evt-checkout', 'evt-shipment']);
    expect(stored?.version).toBe(2);
  });

  it('projects a run of facts about several orders with one read and one write, each order’s facts in the order given', async () => {
    const otherId = '6e8d3a4f-2c9b-4d7e-8f10-3b4c5d6e7f80';
    const other = factsAbout(otherId);
    await handler.execute({ fact: facts.orderPlaced() });
    const findAll = jest.spyOn(views, 'findAll');
    const saveAll = jest.spyOn(views, 'saveAll');

    await handler.executeAll([{ fact: facts.shipmentCreated() }, { fact: other.orderPlaced() }, { fact: facts.orderPlaced() }, { fact: other.revenueDeferred() }]);

    expect([findAll.mock.calls.length, saveAll.mock.calls.length]).toEqual([1, 1]);
    expect((await views.find(orderId))?.view.timeline.map((entry) => entry.eventId)).toEqual(['evt-checkout', 'evt-shipment']);
    expect((await views.find(orderId))?.version).toBe(2);
    expect((await views.find(otherId))?.view.timeline.map((entry) => entry.type)).toEqual(['checkout.cart-checked-out', 'finance.revenue-deferred']);
    expect((await views.find(otherId))?.version).toBe(1);
  });

  it('saves none of a run when another writer saved one of its views meanwhile', async () => {
    const otherId = '6e8d3a4f-2c9b-4d7e-8f10-3b4c5d6e7f80';
    views.interleaveAfterNextFind(() => new ProjectEventHandler(views).execute({ fact: facts.shipmentCreated() }));

    await expect(handler.executeAll([{ fact: factsAbout(otherId).orderPlaced() }, { fact: facts.orderPlaced() }])).rejects.toThrow(ConcurrencyConflict);

    expect(await views.find(otherId)).toBeNull();
    expect((await views.find(orderId))?.view.timeline.map((entry) => entry.eventId)).toEqual(['evt-shipment']);
  });
});
