import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { Topics } from '@bazaar/published-language';
import { CaseOrderViewResponse } from '../http/case-order-view.response';
import { rebuildSupport, supportService } from '../support.service';
import { eventsAbout, publish } from '../testing/published-events';

jest.setTimeout(120_000);

describe('Rebuilding the case order views from offset zero', () => {
  let support: ServiceUnderTest;

  beforeAll(async () => {
    support = await ServiceUnderTest.start(supportService);
  });

  afterAll(async () => {
    await support?.stop();
  });

  it('refuses while the service consumes, then replays every topic into the same views', async () => {
    const complete = eventsAbout(randomUUID());
    const shipmentOnly = eventsAbout(randomUUID()).shipment;
    for (const event of [complete.checkout, complete.shipment, complete.revenue, shipmentOnly]) await publish(support, event);
    const viewsOf = async (expectedTimelines: [number, number]) => {
      const orderIds = [complete.checkout.envelope.aggregateId, shipmentOnly.envelope.data.orderId];
      const views = await Promise.all(orderIds.map((orderId) => support.get<CaseOrderViewResponse>(`/case-order-views/${orderId}`)));
      expect(views.map((view) => view.body.timeline?.length)).toEqual(expectedTimelines);
      return views.map((view) => view.body);
    };
    const before = await eventually(() => viewsOf([3, 1]));
    const rebuild = () => rebuildSupport(support.config, support.namespace.kafka);

    await expect(rebuild()).rejects.toThrow(/running member/);

    await support.stopInstances();
    const projected = [Topics.checkoutOrders, Topics.fulfillmentShipments, Topics.financeLedgers].map((topic) => support.namespace.topic(topic));
    await expect(rebuild()).resolves.toEqual({ viewsCleared: 2, inboxMarksCleared: 4, topicsRewound: projected });
    expect(await support.count('case_order_views')).toBe(0);

    await support.startInstance();
    const after = await eventually(() => viewsOf([3, 1]), { timeoutMs: 30_000 });
    expect(after).toEqual(before);
    expect(await support.count(`inbox WHERE consumer = 'support.case-order-views'`)).toBe(4);
  });
});
