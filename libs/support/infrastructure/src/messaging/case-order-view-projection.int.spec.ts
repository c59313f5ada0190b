import { randomUUID } from 'node:crypto';
import { deadLetterFacts, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { EventEnvelope, EventHeaders, Topics } from '@bazaar/published-language';
import { CaseOrderViewResponse } from '../http/case-order-view.response';
import { supportService } from '../support.service';
import { eventsAbout, publish } from '../testing/published-events';

jest.setTimeout(90_000);

describe('Support projects published events into case order views', () => {
  let support: ServiceUnderTest;

  beforeAll(async () => {
    support = await ServiceUnderTest.start(supportService);
  });

  afterAll(async () => {
    await support?.stop();
  });

  const caseOrderView = (orderId: string) => support.get<CaseOrderViewResponse>(`/case-order-views/${orderId}`);

  async function completeViewOf(orderId: string) {
    return eventually(async () => {
      const { status, body } = await caseOrderView(orderId);
      expect(status).toBe(200);
      expect(body.timeline).toHaveLength(3);
      return body;
    });
  }

  it.each([
    ['shipment first', ['shipment', 'revenue', 'checkout']],
    ['revenue first', ['revenue', 'checkout', 'shipment']],
    ['checkout last', ['revenue', 'shipment', 'checkout']],
  ] as const)('converges to the complete view when the events arrive %s', async (_order, arrivals) => {
    const orderId = randomUUID();
    const events = eventsAbout(orderId);

    for (const [index, name] of arrivals.entries()) {
      await publish(support, events[name]);
      // Wait for each projection, so that the arrival order really is the one under test.
      const partial = await eventually(async () => {
        const { body } = await caseOrderView(orderId);
        expect(body.timeline).toHaveLength(index + 1);
        return body;
      });
      if (name !== 'checkout' && !arrivals.slice(0, index).includes('checkout')) expect(partial.checkout).toBeNull();
    }

    const view = await completeViewOf(orderId);
    expect(view.checkout).toMatchObject({ buyerId: 'buyer-42', total: { amount: 3399, currency: 'EUR' }, placedAt: '2026-11-21T09:30:00.000Z' });
    expect(view.checkout?.shippingAddress).toMatchObject({ name: 'Ada Lovelace', country: 'GB', line2: null });
    expect(view.shipments).toEqual([
      {
        shipmentId: events.shipment.envelope.data.shipmentId,
        status: 'created',
        lines: events.shipment.envelope.data.lines,
        createdAt: '2026-11-21T09:30:00.120Z',
        carrier: null,
        trackingNumber: null,
        dispatchedAt: null,
        cancelledAt: null,
      },
    ]);
    expect(view.revenue).toEqual([
      { entryId: events.revenue.envelope.data.revenueEventId, kind: 'deferred', amount: { amount: 3399, currency: 'EUR' }, recordedAt: '2026-11-21T09:30:00.140Z', reversesEntryId: null },
    ]);
    expect(view.timeline).toEqual([
      { eventId: events.checkout.envelope.id, type: 'checkout.cart-checked-out', version: 1, context: 'checkout', occurredAt: '2026-11-21T09:30:00.000Z' },
      { eventId: events.shipment.envelope.id, type: 'fulfillment.shipment-created', version: 1, context: 'fulfillment', occurredAt: '2026-11-21T09:30:00.120Z' },
      { eventId: events.revenue.envelope.id, type: 'finance.revenue-deferred', version: 1, context: 'finance', occurredAt: '2026-11-21T09:30:00.140Z' },
    ]);
  });

  it('leaves the view unchanged when an event is delivered again', async () => {
    const orderId = randomUUID();
    const events = eventsAbout(orderId);
    for (const event of Object.values(events)) await publish(support, event, 0);
    const before = await completeViewOf(orderId);

    // The marker follows the duplicate on the same partition, so once it is projected the duplicate was too.
    const marker = eventsAbout(randomUUID()).checkout;
    await publish(support, events.checkout, 0);
    await publish(support, marker, 0);
    await eventually(async () => expect((await caseOrderView(marker.envelope.aggregateId)).status).toBe(200));

    expect((await caseOrderView(orderId)).body).toEqual(before);
  });

  it('lands every event when the events of one order are projected in parallel', async () => {
    const orderIds = Array.from({ length: 20 }, () => randomUUID());

    await Promise.all(orderIds.flatMap((orderId) => Object.values(eventsAbout(orderId)).map((event) => publish(support, event))));

    for (const orderId of orderIds) {
      const view = await completeViewOf(orderId);
      expect(view.checkout).not.toBeNull();
      expect(view.shipments).toHaveLength(1);
      expect(view.revenue).toHaveLength(1);
    }
  });

  it('parks malformed messages on the dead-letter topic and projects the next message of the partition', async () => {
    const broken = eventsAbout(randomUUID()).checkout;
    const violating: EventEnvelope = { ...broken.envelope, data: { ...broken.envelope.data, orderId: 'not-a-uuid' } };
    const next = eventsAbout(randomUUID()).checkout;

    await publish(support, { ...broken, envelope: violating }, 1);
    await support.send(Topics.checkoutOrders, { partition: 1, value: '{ not json', headers: { [EventHeaders.type]: 'checkout.cart-checked-out.v1' } });
    await publish(support, next, 1);

    await eventually(async () => expect((await caseOrderView(next.envelope.aggregateId)).status).toBe(200));
    const parked = (await support.deadLetters.waitFor(() => true, { count: 2 })).map(deadLetterFacts);
    expect(parked).toHaveLength(2);
    expect(parked.map((letter) => letter.sourceTopic)).toEqual([support.namespace.topic(Topics.checkoutOrders), support.namespace.topic(Topics.checkoutOrders)]);
    expect(parked.map((letter) => letter.errorType).sort()).toEqual(['ContractViolation', 'MalformedMessage']);
    expect(parked.find((letter) => letter.errorType === 'ContractViolation')?.error).toMatch(/orderId/);
    expect((await caseOrderView(broken.envelope.aggregateId)).status).toBe(404);
  });

  it('answers 404 case_order_view_not_found for an order no event mentioned, and 400 for an id that is no UUID', async () => {
    const unknown = await caseOrderView(randomUUID());
    expect(unknown).toMatchObject({ status: 404, contentType: expect.stringMatching(/^application\/problem\+json/), body: { code: 'case_order_view_not_found' } });

    const malformed = await caseOrderView('not-a-uuid');
    expect(malformed).toMatchObject({ status: 400, contentType: expect.stringMatching(/^application\/problem\+json/), body: { code: 'invalid_request' } });
  });
});
