import { factsAbout } from '../testing/order-facts.builder';
import { CaseOrderView, emptyCaseOrderView, hasProjected } from './case-order-view';
import { FactForAnotherOrder } from './errors';
import { OrderFact } from './order-facts';
import { project } from './project';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const facts = factsAbout(orderId);
const projectAll = (all: readonly OrderFact[]): CaseOrderView => all.reduce(project, emptyCaseOrderView(orderId));

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('CaseOrderView projection', () => {
  it('shows the checkout, shipments, revenue and a timeline of every event once all facts are in', () => {
    const view = projectAll([facts.orderPlaced(), facts.shipmentCreated(), facts.revenueDeferred()]);

    expect(view).toEqual({
      orderId,
      checkout: facts.orderPlaced().checkout,
      shipments: [{ shipmentId: 'shp-1', status: 'created', lines: facts.shipmentCreated().lines, createdAt: '2026-11-21T09:30:00.120Z' }],
      revenue: [{ entryId: 'rev-1', kind: 'deferred', amount: { amount: 3399, currency: 'EUR' }, recordedAt: '2026-11-21T09:30:00.140Z' }],
      timeline: [
        { eventId: 'evt-checkout', type: 'checkout.cart-checked-out', version: 1, context: 'checkout', occurredAt: '2026-11-21T09:30:00.000Z' },
        { eventId: 'evt-shipment', type: 'fulfillment.shipment-created', version: 1, context: 'fulfillment', occurredAt: '2026-11-21T09:30:00.120Z' },
        { eventId: 'evt-revenue', type: 'finance.revenue-deferred', version: 1, context: 'finance', occurredAt: '2026-11-21T09:30:00.140Z' },
      ],
    });
  });

  it('is partial, without checkout details, while only a later event is known', () => {
    const view = projectAll([facts.shipmentCreated()]);

    expect(view.checkout).toBeNull();
    expect(view.shipments).toHaveLength(1);
    expect(view.timeline.map((entry) => entry.eventId)).toEqual(['evt-shipment']);
  });

  it('converges to the same view whatever the arrival order, duplicates included', () => {
    const arrivals = [
      facts.orderPlaced(),
      facts.orderPlaced(),
      facts.shipmentCreated(),
      facts.shipmentCreated(),
      facts.shipmentCreated({ eventId: 'evt-shipment-2', shipmentId: 'shp-2', occurredAt: '2026-11-21T09:30:00.050Z' }),
      facts.revenueDeferred(),
    ];
    const expected = projectAll(arrivals);

    const views = permutations(arrivals).map(projectAll);

    expect(views).toHaveLength(720);
    for (const view of views) expect(view).toEqual(expected);
    expect(expected.timeline).toHaveLength(4);
    expect(expected.shipments.map((shipment) => shipment.shipmentId)).toEqual(['shp-2', 'shp-1']);
  });

  it('orders the timeline by occurrence time, then by event id for events of the same instant', () => {
    const sameInstant = '2026-11-21T10:00:00.000Z';
    const view = projectAll([
      facts.revenueDeferred({ eventId: 'b', occurredAt: sameInstant }),
      facts.shipmentCreated({ eventId: 'a', occurredAt: sameInstant }),
      facts.orderPlaced({ eventId: 'z' }),
    ]);

    expect(view.timeline.map((entry) => entry.eventId)).toEqual(['z', 'a', 'b']);
  });

  it('knows which events it already holds, so a redelivery needs no write', () => {
    const view = projectAll([facts.orderPlaced()]);

    expect(hasProjected(view, 'evt-checkout')).toBe(true);
    expect(hasProjected(view, 'evt-shipment')).toBe(false);
    expect(project(view, facts.orderPlaced())).toEqual(view);
  });

  it('refuses a fact about another order', () => {
    const otherOrder = factsAbout('11111111-2222-4333-8444-555555555555').orderPlaced();

    expect(() => project(emptyCaseOrderView(orderId), otherOrder)).toThrow(FactForAnotherOrder);
  });
});
