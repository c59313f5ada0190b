import { randomUUID } from 'node:crypto';
import { OrderEvent } from '@bazaar/checkout-domain';
import { anAddress, aLine, anOrder, OrderBuilder } from '@bazaar/checkout-domain/testing';
import { dataKeyId, KeyRing } from '@bazaar/platform-service';
import { recordedExample } from '@bazaar/platform-testing';
import { BuyerDataKeyV1, CartCheckedOutV1, CartCheckedOutV2, OrderCancelledV1, PaymentAuthorizedV1, PaymentAuthorizedV2, Topics } from '@bazaar/published-language';
import { money } from '@bazaar/shared-kernel';
import { publishedEventsOf as publishedEventsWith } from './published-order-events';
import { openPublishedAddress, PublishedPersonalData } from './sealed-address';

/** Every order of these tests is buyer-42's (the builder's default), sealed with one data key, shared with one sharing KEK. */
const dataKey = Buffer.alloc(32, 42);
const sharing = new KeyRing([{ id: 'share1', key: Buffer.alloc(32, 7) }]);
const personalData = () => new PublishedPersonalData('buyer-42', dataKey, sharing);
const publishedEventsOf = (event: OrderEvent) => publishedEventsWith(event, personalData());
/** The address v1 published in plaintext, which v2 seals. */
const plaintextAddress = recordedExample(CartCheckedOutV1).data.shippingAddress;

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
      const published = publishedEventsOf(event).filter(({ contract }) => contract !== BuyerDataKeyV1);
      expect(published).toHaveLength(1);
      for (const { contract, aggregateId, occurredAt, data } of published) {
        const envelope = { ...recordedExample(contract), id: randomUUID(), aggregateId, occurredAt: occurredAt.toISOString(), data };
        expect(() => contract.parse(envelope)).not.toThrow();
        expect([aggregateId, contract.topic, contract.producer]).toEqual([order.id, Topics.checkoutOrders, 'checkout']);
      }
    }
  });

  it("publishes the buyer's data key with every placed order, wrapped by the sharing KEK, keyed by the buyer on checkout.buyer-keys", () => {
    const order = anOrder().forBuyer('buyer-42').build();

    const [key] = publishedEventsOf(order.pendingEvents[0]!);

    expect(key).toMatchObject({ contract: BuyerDataKeyV1, aggregateId: 'buyer-42', occurredAt: order.placedAt });
    expect(BuyerDataKeyV1.topic).toBe(Topics.checkoutBuyerKeys);
    const data = key!.data as BuyerDataKeyV1;
    expect(data).toEqual({ buyerId: 'buyer-42', keyId: dataKeyId(dataKey), wrappedKey: expect.stringMatching(/^share1\./) });
    expect(sharing.unwrap(data.wrappedKey, 'buyer-42')).toEqual(dataKey);
    expect(() => BuyerDataKeyV1.parse({ ...recordedExample(BuyerDataKeyV1), data })).not.toThrow();
  });

  it('publishes an event that carries the address only sealed with the buyer’s data key', () => {
    const placed = anOrder().build().pendingEvents[0]!;

    expect(() => publishedEventsWith(placed)).toThrow(/only sealed/);
  });

  it('announces a placed order as CartCheckedOutV2, matching the recorded example of the contract, its address sealed', () => {
    const order = anOrder()
      .withId('5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f')
      .forBuyer('buyer-42')
      .withLines(aLine({ sku: 'MUG-BLUE', quantity: 2, unitPrice: money(1250, 'EUR') }), aLine({ sku: 'TEA-EARL', quantity: 1, unitPrice: money(899, 'EUR') }))
      .placedAt(new Date('2026-11-21T09:30:00.000Z'))
      .build();

    const [, published] = publishedEventsOf(order.pendingEvents[0]!);

    expect(published).toMatchObject({ contract: CartCheckedOutV2, aggregateId: order.id, occurredAt: order.placedAt });
    const data = published!.data as CartCheckedOutV2;
    expect(data).toEqual({
      ...recordedExample(CartCheckedOutV2).data,
      sealedShippingAddress: { algorithm: 'AES-256-GCM', keyId: dataKeyId(dataKey), ciphertext: expect.any(String) },
    });
    expect(openPublishedAddress(dataKey, 'buyer-42', order.id, data.sealedShippingAddress)).toEqual(plaintextAddress);
    // The recorded example was sealed with the same key: it opens too.
    expect(openPublishedAddress(dataKey, 'buyer-42', order.id, recordedExample(CartCheckedOutV2).data.sealedShippingAddress)).toEqual(plaintextAddress);
  });

  it('seals the address for its order: copied into another order’s event it does not open', () => {
    const order = anOrder().build();
    const [, published] = publishedEventsOf(order.pendingEvents[0]!);

    expect(() => openPublishedAddress(dataKey, order.buyerId, randomUUID(), (published!.data as CartCheckedOutV2).sealedShippingAddress)).toThrow(/does not open/);
  });

  it('announces an authorized payment with the lines and total Fulfillment and Finance act on, and the address sealed', () => {
    const order = anOrder().paymentAuthorized('auth-9').build();

    const [published] = publishedEventsOf(order.pendingEvents.at(-1)!);

    expect(published!.contract).toBe(PaymentAuthorizedV2);
    const data = published!.data as PaymentAuthorizedV2;
    expect(data).toEqual({
      ...recordedExample(PaymentAuthorizedV2).data,
      buyerId: order.buyerId,
      orderId: order.id,
      authorizationReference: 'auth-9',
      sealedShippingAddress: expect.objectContaining({ keyId: dataKeyId(dataKey) }),
      authorizedAt: published!.occurredAt.toISOString(),
    });
    expect(openPublishedAddress(dataKey, order.buyerId, order.id, data.sealedShippingAddress)).toEqual(recordedExample(PaymentAuthorizedV1).data.shippingAddress);
  });

  it('never publishes the name or the street in plaintext', () => {
    const events = eventsOf(anOrder().awaitingFraudReview().reviewApproved().paymentAuthorized().completed());

    const published = JSON.stringify(events.flatMap((event) => publishedEventsOf(event)).map((event) => event.data));

    expect(published).not.toContain(plaintextAddress.name);
    expect(published).not.toContain(plaintextAddress.line1);
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

    const published = events.flatMap((event) => publishedEventsOf(event));

    expect(JSON.stringify(published.map((event) => event.data))).not.toContain('tok_must_stay_private');
  });

  it('keeps the optional second address line when there is one', () => {
    const order = anOrder()
      .shippedTo(anAddress({ line2: 'Flat 3' }))
      .build();

    const [, published] = publishedEventsOf(order.pendingEvents[0]!);

    expect(openPublishedAddress(dataKey, order.buyerId, order.id, (published!.data as CartCheckedOutV2).sealedShippingAddress).line2).toBe('Flat 3');
  });
});
