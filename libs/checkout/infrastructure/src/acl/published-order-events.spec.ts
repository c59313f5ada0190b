import { randomUUID } from 'node:crypto';
import { OrderEvent } from '@bazaar/checkout-domain';
import { anAddress, aLine, anOrder, OrderBuilder } from '@bazaar/checkout-domain/testing';
import { recordedExample } from '@bazaar/platform-testing';
import { CartCheckedOutV1, OrderCancelledV1, PaymentAuthorizedV1, Topics } from '@bazaar/published-language';
import { money } from '@bazaar/shared-kernel';
import { publishedEventsOf } from './published-order-events';

const eventsOf = (builder: OrderBuilder): readonly OrderEvent[] => builder.build().pendingEvents;

/** Orders whose histories, together, hold every kind of order event. */
const histories: [string, OrderBuilder][] = [
  ['reviewed, approved, paid, confirmed and completed', anOrder().awaitingFraudReview().reviewApproved().paymentAuthorized().completed()],
  ['rejected in review', anOrder().awaitingFraudReview().reviewRejected()],
  ['declined at the gateway', anOrder().paymentDeclined()],
  ['cancelled by the buyer after payment', anOrder().paymentAuthorized().cancelled('buyer_cancelled')],
  ['cancelled by the buyer before payment', anOrder().cancelled('buyer_cancelled')],
];

const allEvents = histories.flatMap(([, builder]) => eventsOf(builder));

describe('Publishing what happened to an order', () => {
  it('has a history for every kind of order event', () => {
    expect(new Set(allEvents.map((event) => event.type))).toEqual(
      new Set([
        'OrderPlaced',
        'FraudReviewRequested',
        'FraudReviewApproved',
        'FraudReviewRejected',
        'PaymentAuthorized',
        'PaymentFailed',
        'OrderConfirmed',
        'OrderCompleted',
        'OrderCancelled',
      ]),
    );
  });

  it.each(histories)('translates every event of an order %s into a message that parses with its contract, keyed by the order, on checkout.orders', (_, builder) => {
    const order = builder.build();
    for (const event of order.pendingEvents) {
      const published = publishedEventsOf(event);
      expect(published).toHaveLength(1);
      for (const { contract, aggregateId, occurredAt, data } of published) {
        const envelope = { ...recordedExample(contract), id: randomUUID(), aggregateId, occurredAt: occurredAt.toISOString(), data };
        expect(() => contract.parse(envelope)).not.toThrow();
        expect([aggregateId, contract.topic, contract.producer]).toEqual([order.id, Topics.checkoutOrders, 'checkout']);
      }
    }
  });

  it('announces a placed order as CartCheckedOutV1, matching the recorded example of the contract', () => {
    const order = anOrder()
      .withId('5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f')
      .forBuyer('buyer-42')
      .withLines(aLine({ sku: 'MUG-BLUE', quantity: 2, unitPrice: money(1250, 'EUR') }), aLine({ sku: 'TEA-EARL', quantity: 1, unitPrice: money(899, 'EUR') }))
      .placedAt(new Date('2026-11-21T09:30:00.000Z'))
      .build();

    const [published] = publishedEventsOf(order.pendingEvents[0]!);

    expect(published).toMatchObject({ contract: CartCheckedOutV1, aggregateId: order.id, occurredAt: order.placedAt });
    expect(published!.data).toEqual(recordedExample(CartCheckedOutV1).data);
  });

  it('announces an authorized payment with the lines, total and address Fulfillment and Finance act on', () => {
    const order = anOrder().paymentAuthorized('auth-9').build();

    const [published] = publishedEventsOf(order.pendingEvents.at(-1)!);

    expect(published!.contract).toBe(PaymentAuthorizedV1);
    expect(published!.data).toEqual({
      ...recordedExample(PaymentAuthorizedV1).data,
      authorizationReference: 'auth-9',
      authorizedAt: published!.occurredAt.toISOString(),
    });
  });

  it.each([
    [
      'after payment, whose authorization is voided',
      anOrder().paymentAuthorized().cancelled('out_of_stock'),
      { reason: 'out_of_stock', paymentWasAuthorized: true, authorizationVoided: true },
    ],
    ['before payment, with nothing to void', anOrder().cancelled('buyer_cancelled'), { reason: 'buyer_cancelled', paymentWasAuthorized: false, authorizationVoided: false }],
  ])('announces an order cancelled %s', (_, builder, expected) => {
    const [published] = publishedEventsOf(builder.build().pendingEvents.at(-1)!);

    expect(published!.contract).toBe(OrderCancelledV1);
    expect(published!.data).toMatchObject(expected);
  });

  it('never publishes the payment token', () => {
    const events = eventsOf(anOrder().paidWith('tok_must_stay_private').awaitingFraudReview().reviewApproved().paymentAuthorized().confirmed().cancelled());

    const published = events.flatMap(publishedEventsOf);

    expect(JSON.stringify(published.map((event) => event.data))).not.toContain('tok_must_stay_private');
  });

  it('keeps the optional second address line when there is one', () => {
    const order = anOrder()
      .shippedTo(anAddress({ line2: 'Flat 3' }))
      .build();

    const [published] = publishedEventsOf(order.pendingEvents[0]!);

    expect((published!.data as CartCheckedOutV1).shippingAddress.line2).toBe('Flat 3');
  });
});
