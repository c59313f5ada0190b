import { factsAbout, shuffled } from '../testing';
import { CaseOrderView, emptyCaseOrderView, hasProjected } from './case-order-view';
import { FactForAnotherOrder } from './errors';
import { OrderFact } from './order-facts';
import { project } from './project';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const facts = factsAbout(orderId);
const projectAll = (all: readonly OrderFact[]): CaseOrderView => all.reduce(project, emptyCaseOrderView(orderId));
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const lines = [
  { sku: 'MUG-BLUE', quantity: 2 },
  { sku: 'TEA-EARL', quantity: 1 },
];

/** A large order's whole life: reviewed and approved, paid, reserved, confirmed, picked, packed, shipped, invoiced, completed and delivered. */
const lifecycle = (): OrderFact[] => [
  facts.orderPlaced(),
  facts.fraudReviewRequested(),
  facts.fraudReviewDecided(),
  facts.paymentAuthorized(),
  facts.revenueDeferred(),
  facts.stockReserved(),
  facts.orderConfirmed(),
  facts.shipmentCreated(),
  facts.shipmentPicked(),
  facts.shipmentPacked(),
  facts.shipmentDispatched(),
  facts.orderCompleted(),
  facts.shipmentDelivered(),
  facts.revenueRecognized(),
  facts.invoiceIssued(),
];

/** A paid order the buyer cancelled once it was picked: its authorization voided, its shipment cancelled, its revenue reversed. */
const buyerCancellation = (): OrderFact[] => [
  facts.orderPlaced(),
  facts.paymentAuthorized(),
  facts.revenueDeferred(),
  facts.shipmentCreated(),
  facts.shipmentPicked({ occurredAt: '2026-11-21T10:30:00.000Z' }),
  facts.orderCancelled({ reason: 'buyer_cancelled' }),
  facts.shipmentCancelled(),
  facts.revenueReversed(),
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('CaseOrderView projection', () => {
  it('shows the whole life of an order once every fact is in, with a timeline of every event', () => {
    const view = projectAll(lifecycle());

    expect(view).toEqual({
      orderId,
      status: 'completed',
      checkout: facts.orderPlaced().checkout,
      personalData: 'present',
      fraudReview: { score: 100, reasons: ['large_order'], requestedAt: '2026-11-21T09:30:00.200Z', decision: 'approved', decidedAt: '2026-11-21T10:05:00.000Z' },
      payment: {
        state: 'authorized',
        amount: eur(3399),
        authorizationReference: 'sandbox-auth-5d7c2f3e',
        authorizedAt: '2026-11-21T10:05:00.450Z',
        failureReason: null,
        failedAt: null,
      },
      reservation: { status: 'reserved', lines, reservedAt: '2026-11-21T10:05:00.900Z' },
      confirmedAt: '2026-11-21T10:05:01.100Z',
      completedAt: '2026-11-22T14:00:00.300Z',
      cancellation: null,
      shipments: [
        {
          shipmentId: 'shp-1',
          status: 'delivered',
          lines,
          createdAt: '2026-11-21T10:05:01.200Z',
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
        { entryId: 'rev-1', kind: 'deferred', amount: eur(3399), recordedAt: '2026-11-21T10:05:00.600Z', reversesEntryId: null, recognizesEntryId: null },
        { entryId: 'rev-3', kind: 'recognized', amount: eur(3399), recordedAt: '2026-11-22T14:00:00.150Z', reversesEntryId: null, recognizesEntryId: 'rev-1' },
      ],
      invoices: [{ invoiceId: 'inv-1', invoiceNumber: '2026-000042', total: eur(3399), issuedAt: '2026-11-22T14:00:00.150Z' }],
      // Finance recognized and invoiced in one instant, between the dispatch and Checkout's completion.
      timeline: [...lifecycle().slice(0, 11), facts.invoiceIssued(), facts.revenueRecognized(), facts.orderCompleted(), facts.shipmentDelivered()].map((fact) => fact.source),
    });
    expect(view.timeline.map((entry) => entry.type)).toEqual([
      'checkout.cart-checked-out',
      'checkout.fraud-review-requested',
      'checkout.fraud-review-decided',
      'checkout.payment-authorized',
      'finance.revenue-deferred',
      'fulfillment.inventory-reserved',
      'checkout.order-confirmed',
      'fulfillment.shipment-created',
      'fulfillment.shipment-picked',
      'fulfillment.shipment-packed',
      'fulfillment.shipment-dispatched',
      'finance.invoice-issued',
      'finance.revenue-recognized',
      'checkout.order-completed',
      'fulfillment.shipment-delivered',
    ]);
  });

  it.each([
    ['placed', 1, 'placed'],
    ['sent to fraud review', 2, 'awaiting_fraud_review'],
    ['approved by the analyst, not paid yet (as Checkout says it)', 3, 'awaiting_fraud_review'],
    ['paid', 4, 'payment_authorized'],
    ['reserved by Fulfillment, not confirmed by Checkout yet', 6, 'payment_authorized'],
    ['confirmed', 7, 'confirmed'],
    ['picked and packed', 10, 'confirmed'],
    ['dispatched, not completed by Checkout yet', 11, 'confirmed'],
    ['completed', 12, 'completed'],
    ['delivered', 13, 'completed'],
  ] as const)('shows Checkout’s status of an order %s', (_stage, factsSeen, status) => {
    expect(projectAll(lifecycle().slice(0, factsSeen)).status).toBe(status);
  });

  it('shows a cancelled order’s reason, its voided payment, its cancelled shipment and the reversal of its revenue', () => {
    const view = projectAll(buyerCancellation());

    expect(view).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'buyer_cancelled', cancelledAt: '2026-11-21T11:00:00.000Z', paymentWasAuthorized: true, authorizationVoided: true },
      payment: { state: 'voided', amount: eur(3399), authorizedAt: '2026-11-21T10:05:00.450Z' },
      shipments: [
        {
          shipmentId: 'shp-1',
          status: 'cancelled',
          lines,
          createdAt: '2026-11-21T10:05:01.200Z',
          pickedAt: '2026-11-21T10:30:00.000Z',
          cancelledAt: '2026-11-21T11:00:00.080Z',
          dispatchedAt: null,
        },
      ],
      revenue: [
        { entryId: 'rev-1', kind: 'deferred', amount: eur(3399), reversesEntryId: null, recognizesEntryId: null },
        { entryId: 'rev-2', kind: 'reversal', amount: eur(3399), recordedAt: '2026-11-21T11:00:00.090Z', reversesEntryId: 'rev-1', recognizesEntryId: null },
      ],
      invoices: [],
    });
    expect(view.timeline).toHaveLength(8);
  });

  it('shows a declined payment with the gateway’s reason on an order cancelled for payment_declined', () => {
    const view = projectAll([facts.orderPlaced(), facts.paymentFailed(), facts.orderCancelled({ reason: 'payment_declined', paymentWasAuthorized: false })]);

    expect(view).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'payment_declined', paymentWasAuthorized: false, authorizationVoided: false },
      payment: { state: 'failed', failureReason: 'declined', failedAt: '2026-11-21T09:30:00.450Z', amount: null, authorizedAt: null },
    });
  });

  it('shows a rejected review, and no payment at all, on an order cancelled for fraud_rejected', () => {
    const view = projectAll([
      facts.orderPlaced(),
      facts.fraudReviewRequested(),
      facts.fraudReviewDecided({ decision: 'rejected' }),
      facts.orderCancelled({ reason: 'fraud_rejected', paymentWasAuthorized: false }),
    ]);

    expect(view).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'fraud_rejected' },
      fraudReview: { score: 100, decision: 'rejected', decidedAt: '2026-11-21T10:05:00.000Z' },
      payment: { state: 'none' },
    });
  });

  it('shows what was unavailable on an order cancelled out_of_stock, its authorization voided', () => {
    const view = projectAll([facts.orderPlaced(), facts.paymentAuthorized(), facts.stockReservationFailed(), facts.orderCancelled({ reason: 'out_of_stock' })]);

    expect(view).toMatchObject({
      status: 'cancelled',
      reservation: { status: 'failed', unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'not_stocked' }], failedAt: '2026-11-21T10:05:00.900Z' },
      payment: { state: 'voided', authorizationReference: 'sandbox-auth-5d7c2f3e' },
    });
  });

  it('is partial, without checkout details, while only later events are known', () => {
    const view = projectAll([facts.shipmentDispatched(), facts.orderCancelled({ reason: 'timed_out' })]);

    expect(view.checkout).toBeNull();
    expect(view.status).toBe('cancelled');
    expect(view.payment.state).toBe('voided');
    expect(view.shipments).toEqual([expect.objectContaining({ shipmentId: 'shp-1', status: 'dispatched', lines: null, createdAt: null, carrier: 'DHL' })]);
  });

  it.each([
    ['a whole life', lifecycle],
    ['a cancellation after payment', buyerCancellation],
  ])('converges to the same view over 300 seeded arrival orders of %s, duplicates included', (_case, scenario) => {
    const expected = projectAll(scenario());
    const [first, second, third] = scenario();
    const arrivals = [...scenario(), first!, second!, third!];

    for (let seed = 1; seed <= 300; seed++) {
      expect({ seed, view: projectAll(shuffled(arrivals, seed)) }).toEqual({ seed, view: expected });
    }
  });

  it('converges in every arrival order even when facts contend for a field (both reservation answers, dispatch and cancellation)', () => {
    const contending = [
      facts.paymentAuthorized(),
      facts.stockReservationFailed(),
      facts.stockReserved(),
      facts.orderConfirmed(),
      facts.orderCancelled({ reason: 'buyer_cancelled' }),
      facts.shipmentDispatched(),
      facts.shipmentCancelled(),
    ];
    const expected = projectAll(contending);

    const views = permutations(contending).map(projectAll);

    expect(views).toHaveLength(5040);
    for (const view of views) expect(view).toEqual(expected);
    expect(expected).toMatchObject({ status: 'cancelled', reservation: { status: 'reserved' }, shipments: [{ status: 'cancelled' }] });
  });

  it('converges on every warehouse step whatever order they arrive in (every permutation, a step seen twice included)', () => {
    const steps = [facts.shipmentCreated(), facts.shipmentPicked(), facts.shipmentPacked(), facts.shipmentDispatched(), facts.shipmentDelivered(), facts.shipmentPicked()];
    const expected = projectAll(steps);

    const views = permutations(steps).map(projectAll);

    expect(views).toHaveLength(720);
    for (const view of views) expect(view).toEqual(expected);
    expect(expected.shipments).toEqual([
      {
        shipmentId: 'shp-1',
        status: 'delivered',
        lines,
        createdAt: '2026-11-21T10:05:01.200Z',
        pickedAt: '2026-11-22T09:15:00.000Z',
        packedAt: '2026-11-22T11:40:00.000Z',
        carrier: 'DHL',
        trackingNumber: 'JD014600006281234567',
        dispatchedAt: '2026-11-22T14:00:00.000Z',
        deliveredAt: '2026-11-23T16:20:00.000Z',
        cancelledAt: null,
      },
    ]);
    expect(expected.timeline).toHaveLength(5);
  });

  it('lists a deferral and its recognition recorded in the same instant (the dispatch came first) deferred first', () => {
    const instant = '2026-11-22T14:00:00.150Z';
    const view = projectAll([
      facts.revenueRecognized({ entryId: 'a-recognition', recognizesEntryId: 'z-deferral', occurredAt: instant }),
      facts.revenueDeferred({ entryId: 'z-deferral', occurredAt: instant }),
    ]);

    expect(view.revenue.map((entry) => [entry.kind, entry.entryId])).toEqual([
      ['deferred', 'z-deferral'],
      ['recognized', 'a-recognition'],
    ]);
  });

  it('shows the invoice number and the recognized revenue of a dispatched order in every arrival order of its news', () => {
    const dispatchedNews = [facts.revenueDeferred(), facts.shipmentDispatched(), facts.revenueRecognized(), facts.invoiceIssued(), facts.orderCompleted()];
    const expected = projectAll(dispatchedNews);

    const views = permutations(dispatchedNews).map(projectAll);

    expect(views).toHaveLength(120);
    for (const view of views) expect(view).toEqual(expected);
    expect(expected).toMatchObject({
      invoices: [{ invoiceNumber: '2026-000042', total: eur(3399) }],
      revenue: [{ kind: 'deferred' }, { kind: 'recognized', recognizesEntryId: 'rev-1', amount: eur(3399) }],
    });
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

  it('changes nothing when a fact it already holds is projected again', () => {
    const view = projectAll([facts.orderPlaced(), facts.paymentAuthorized(), facts.orderCancelled({ reason: 'buyer_cancelled' })]);

    for (const fact of [facts.orderPlaced(), facts.paymentAuthorized(), facts.orderCancelled({ reason: 'buyer_cancelled' })]) {
      expect(project(view, fact)).toEqual(view);
    }
  });

  it('knows which events it already holds, so a redelivery needs no write', () => {
    const view = projectAll([facts.orderPlaced()]);

    expect(hasProjected(view, 'evt-checkout')).toBe(true);
    expect(hasProjected(view, 'evt-shipment')).toBe(false);
  });

  it('refuses a fact about another order', () => {
    const otherOrder = factsAbout('11111111-2222-4333-8444-555555555555').orderPlaced();

    expect(() => project(emptyCaseOrderView(orderId), otherOrder)).toThrow(FactForAnotherOrder);
  });

  it('drops the address once the buyer’s personal data was erased, whether the erasure arrives before or after the checkout, keeping lines and totals', () => {
    const expected = { ...facts.orderPlaced().checkout, shippingAddress: null };

    for (const order of permutations([facts.orderPlaced(), facts.personalDataErased(), facts.orderCompleted()])) {
      const view = projectAll(order);
      expect(view.personalData).toBe('erased');
      expect(view.checkout).toEqual(expected);
      expect(JSON.stringify(view)).not.toContain('Lovelace');
    }
  });

  it('shows the address while the buyer is not erased', () => {
    const view = projectAll([facts.orderPlaced()]);

    expect(view.personalData).toBe('present');
    expect(view.checkout?.shippingAddress).toEqual(facts.orderPlaced().checkout.shippingAddress);
  });
});
