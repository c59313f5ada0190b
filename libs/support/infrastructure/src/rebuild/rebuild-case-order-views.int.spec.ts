import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { Topics } from '@bazaar/published-language';
import { CaseOrderViewResponse } from '../http/case-order-views.schemas';
import { rebuildSupport, supportService } from '../support.service';
import { eventsAbout, lifecycleOf, publish } from '../testing/published-events';

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
    const complete = lifecycleOf(eventsAbout(randomUUID()));
    const shipmentOnly = eventsAbout(randomUUID()).shipmentCreated;
    for (const event of [...complete, shipmentOnly]) await publish(support, event);
    const viewsOf = async (expectedTimelines: [number, number]) => {
      const orderIds = [complete[0]!.envelope.aggregateId, shipmentOnly.envelope.data.orderId];
      const views = await Promise.all(orderIds.map((orderId) => support.get<CaseOrderViewResponse>(`/case-order-views/${orderId}`)));
      expect(views.map((view) => view.body.timeline?.length)).toEqual(expectedTimelines);
      return views.map((view) => view.body);
    };
    const before = await eventually(() => viewsOf([15, 1]));
    expect(before[0]).toMatchObject({ status: 'completed', reservation: { status: 'reserved' } });
    const rebuild = () => rebuildSupport(support.config, support.namespace.kafka);

    await expect(rebuildSupport(support.config, support.namespace.kafka, 2_000)).rejects.toThrow(/running member/);

    await support.stopInstances();
    const projected = [Topics.checkoutOrders, Topics.fulfillmentReservations, Topics.fulfillmentShipments, Topics.financeLedgers, Topics.financeInvoices].map((topic) =>
      support.namespace.topic(topic),
    );
    const report = await rebuild();
    expect({ ...report, topicsRewound: [...report.topicsRewound].sort() }).toEqual({ viewsCleared: 2, inboxMarksCleared: 16, topicsRewound: projected.sort() });
    expect(await support.count('case_order_views')).toBe(0);

    await support.startInstance();
    const after = await eventually(() => viewsOf([15, 1]), { timeoutMs: 30_000 });
    expect(after).toEqual(before);
    expect(await support.count(`inbox WHERE consumer = 'support.case-order-views'`)).toBe(16);
  });
});
