import { randomUUID } from 'node:crypto';
import { deadLetterFacts, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { EventEnvelope, EventHeaders, Topics } from '@bazaar/published-language';
import { compareText } from '@bazaar/support-domain';
import { shuffled } from '@bazaar/support-domain/testing';
import { caseOrderViewResponse, CaseOrderViewResponse } from '../http/case-order-views.schemas';
import { supportService } from '../support.service';
import { cancellationOf, eventsAbout, lifecycleOf, publish, TopicEvent } from '../testing/published-events';

jest.setTimeout(90_000);

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('Support projects published events into case order views', () => {
  let support: ServiceUnderTest;

  beforeAll(async () => {
    support = await ServiceUnderTest.start(supportService);
  });

  afterAll(async () => {
    await support?.stop();
  });

  const caseOrderView = (orderId: string) => support.get<CaseOrderViewResponse>(`/case-order-views/${orderId}`);

  /** Waits until the view holds `count` events, and checks it against the documented response schema. */
  function viewWithEvents(orderId: string, count: number) {
    return eventually(async () => {
      const { status, body } = await caseOrderView(orderId);
      expect(status).toBe(200);
      expect(body.timeline).toHaveLength(count);
      return caseOrderViewResponse.parse(body);
    });
  }

  /** Publishes the events one by one in the given order, each projected before the next is sent: that is the arrival order. */
  async function arriveInOrder(orderId: string, arrivals: readonly TopicEvent[]): Promise<CaseOrderViewResponse> {
    let view: CaseOrderViewResponse | undefined;
    for (const [index, event] of arrivals.entries()) {
      await publish(support, event);
      view = await viewWithEvents(orderId, index + 1);
      if (!arrivals.slice(0, index + 1).some((arrived) => arrived.envelope.type === 'checkout.cart-checked-out')) expect(view.checkout).toBeNull();
    }
    return view!;
  }

  it.each([1, 2])('converges to the whole life of an order when its events arrive in shuffled order (seed %i)', async (seed) => {
    const orderId = randomUUID();
    const events = eventsAbout(orderId);
    const { shipmentId } = events.shipmentCreated.envelope.data;

    const view = await arriveInOrder(orderId, shuffled(lifecycleOf(events), seed));

    expect(view).toEqual({
      orderId,
      status: 'completed',
      checkout: expect.objectContaining({ buyerId: 'buyer-42', total: eur(3399), placedAt: '2026-11-21T09:30:00.000Z' }),
      personalData: 'present',
      fraudReview: { score: 100, reasons: ['large_order'], requestedAt: '2026-11-21T09:30:00.200Z', decision: 'approved', decidedAt: '2026-11-21T10:05:00.000Z' },
      payment: {
        state: 'authorized',
        amount: eur(3399),
        authorizationReference: 'sandbox-auth-5d7c2f3e',
        authorizedAt: '2026-11-21T09:30:00.450Z',
        failureReason: null,
        failedAt: null,
      },
      reservation: { status: 'reserved', lines: events.inventoryReserved.envelope.data.lines, reservedAt: '2026-11-21T09:30:00.900Z' },
      confirmedAt: '2026-11-21T09:30:01.100Z',
      completedAt: '2026-11-22T14:00:00.300Z',
      cancellation: null,
      shipments: [
        {
          shipmentId,
          status: 'delivered',
          lines: events.shipmentCreated.envelope.data.lines,
          createdAt: '2026-11-21T09:30:00.120Z',
          pickedAt: '2026-11-22T09:15:00.000Z',
          packedAt: '2026-11-22T11:40:00.000Z',
          carrier: 'DHL',
          trackingNumber: 'JD014600006281234567',
          dispatchedAt: '2026-11-22T14:00:00.000Z',
          deliveredAt: '2026-11-23T16:20:00.000Z',
          cancelledAt: null,
        },
      ],
      revenue: [
        {
          entryId: events.revenueDeferred.envelope.data.revenueEventId,
          kind: 'deferred',
          amount: eur(3399),
          recordedAt: '2026-11-21T09:30:00.140Z',
          reversesEntryId: null,
          recognizesEntryId: null,
        },
        {
          entryId: events.revenueRecognized.envelope.data.revenueEventId,
          kind: 'recognized',
          amount: eur(3399),
          recordedAt: '2026-11-22T14:00:00.150Z',
          reversesEntryId: null,
          recognizesEntryId: events.revenueDeferred.envelope.data.revenueEventId,
        },
      ],
      invoices: [{ invoiceId: events.invoiceIssued.envelope.data.invoiceId, invoiceNumber: '2026-000042', total: eur(3399), issuedAt: '2026-11-22T14:00:00.150Z' }],
      timeline: lifecycleOf(events)
        .map(({ envelope }) => ({ eventId: envelope.id, type: envelope.type, version: 1, context: envelope.producer, occurredAt: envelope.occurredAt }))
        .sort((a, b) => compareText(a.occurredAt, b.occurredAt) || compareText(a.eventId, b.eventId)),
      cases: [],
    });
  });

  it('converges to a cancelled order, its payment voided, its shipment cancelled and its revenue reversed, in shuffled order', async () => {
    const orderId = randomUUID();
    const events = eventsAbout(orderId);

    const view = await arriveInOrder(orderId, shuffled(cancellationOf(events), 3));

    expect(view).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'buyer_cancelled', cancelledAt: '2026-11-21T09:31:00.000Z', paymentWasAuthorized: true, authorizationVoided: true },
      payment: { state: 'voided', amount: eur(3399), authorizedAt: '2026-11-21T09:30:00.450Z' },
      reservation: null,
      confirmedAt: null,
      shipments: [{ shipmentId: events.shipmentCreated.envelope.data.shipmentId, status: 'cancelled', cancelledAt: '2026-11-21T09:31:00.080Z', dispatchedAt: null }],
      revenue: [
        { entryId: events.revenueDeferred.envelope.data.revenueEventId, kind: 'deferred', reversesEntryId: null },
        { entryId: events.revenueReversed.envelope.data.revenueEventId, kind: 'reversal', amount: eur(3399), reversesEntryId: events.revenueDeferred.envelope.data.revenueEventId },
      ],
    });
    expect(view.timeline.map((entry) => entry.type)).toEqual([
      'checkout.cart-checked-out',
      'fulfillment.shipment-created',
      'finance.revenue-deferred',
      'checkout.payment-authorized',
      'checkout.order-cancelled',
      'fulfillment.shipment-cancelled',
      'finance.revenue-reversed',
    ]);
  });

  it('leaves the view unchanged when an event is delivered again', async () => {
    const orderId = randomUUID();
    const events = cancellationOf(eventsAbout(orderId));
    for (const event of events) await publish(support, event);
    const before = await viewWithEvents(orderId, events.length);

    // The marker follows the duplicate on the same partition, so once it is projected the duplicate was too.
    const duplicate = events.find((event) => event.envelope.type === 'checkout.order-cancelled')!;
    const marker = eventsAbout(randomUUID()).cartCheckedOut;
    const { partition } = await publish(support, duplicate);
    await publish(support, marker, partition);
    await eventually(async () => expect((await caseOrderView(marker.envelope.aggregateId)).status).toBe(200));

    expect((await caseOrderView(orderId)).body).toEqual(before);
  });

  it('lands every event when the events of many orders, from every topic, are projected in parallel', async () => {
    const orders = Array.from({ length: 10 }, () => eventsAbout(randomUUID()));

    await Promise.all(orders.flatMap((events) => lifecycleOf(events).map((event) => publish(support, event))));

    for (const events of orders) {
      const view = await viewWithEvents(events.cartCheckedOut.envelope.data.orderId, lifecycleOf(events).length);
      expect(view).toMatchObject({
        status: 'completed',
        payment: { state: 'authorized' },
        reservation: { status: 'reserved' },
        shipments: [{ status: 'delivered', carrier: 'DHL' }],
      });
      expect(view.revenue.map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
      expect(view.invoices).toHaveLength(1);
    }
  });

  it('parks malformed messages on the dead-letter topic and projects the next message of the partition', async () => {
    const broken = eventsAbout(randomUUID()).cartCheckedOut;
    const violating: EventEnvelope = { ...broken.envelope, data: { ...broken.envelope.data, orderId: 'not-a-uuid' } };
    const next = eventsAbout(randomUUID()).cartCheckedOut;

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
