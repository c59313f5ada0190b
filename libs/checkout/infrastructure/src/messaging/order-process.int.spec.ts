import { randomUUID } from 'node:crypto';
import { expectDeadLettered, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage, TopicTap } from '@bazaar/platform-testing';
import {
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV2,
  PaymentFailedV1,
  ShipmentDispatchedV1,
  Topics,
} from '@bazaar/published-language';
import { checkoutService } from '../checkout.service';
import { aLargeOrderRequest, anOrderRequest, orderOf, orderReaches, placeOrder, publishedAbout, publishedEvent } from '../testing/checkout-journeys';

jest.setTimeout(90_000);

describe('An order’s process, driven by Kafka (real PostgreSQL and Kafka)', () => {
  let checkout: ServiceUnderTest;
  let orders: TopicTap;

  beforeAll(async () => {
    checkout = await ServiceUnderTest.start(checkoutService);
    orders = await checkout.namespace.tap(Topics.checkoutOrders);
  });

  afterAll(async () => {
    await checkout?.stop();
  });

  const reserved = (orderId: string) => kafkaMessage(anEvent(InventoryReservedV1, { data: { orderId } }));
  const reservationFailed = (orderId: string) => kafkaMessage(anEvent(InventoryReservationFailedV1, { data: { orderId } }));
  const dispatched = (orderId: string) => kafkaMessage(anEvent(ShipmentDispatchedV1, { data: { orderId, shipmentId: randomUUID() } }));
  const anAuthorizedOrder = async () => {
    const orderId = await placeOrder(checkout);
    await orderReaches(checkout, orderId, 'payment_authorized', 'awaiting_inventory');
    return orderId;
  };
  /** Sends the same message twice and waits until Checkout has handled the second copy. */
  const sendTwice = async (topic: string, message: ReturnType<typeof reserved>) => {
    await checkout.send(topic, message);
    await checkout.consumedPast(await checkout.send(topic, message));
  };

  it('authorizes the payment of an ordinary order and publishes PaymentAuthorized with what Fulfillment and Finance need', async () => {
    const orderId = await placeOrder(checkout);

    await orderReaches(checkout, orderId, 'payment_authorized', 'awaiting_inventory');

    const event = await publishedEvent(orders, orderId, PaymentAuthorizedV2);
    expect(event.data).toMatchObject({ orderId, buyerId: 'buyer-42', amount: { amount: 3399, currency: 'EUR' }, total: { amount: 3399, currency: 'EUR' } });
    expect(event.data.lines.map((line) => line.sku)).toEqual(['MUG-BLUE', 'TEA-EARL']);
    expect(JSON.stringify(event)).not.toContain('tok_ok');
  });

  it('cancels an order paid with tok_declined (payment_declined): payment failed, nothing for Fulfillment to reserve', async () => {
    const orderId = await placeOrder(checkout, anOrderRequest({ paymentToken: 'tok_declined' }));

    const order = await orderReaches(checkout, orderId, 'cancelled', 'cancelled');

    expect(order).toMatchObject({ cancellationReason: 'payment_declined', payment: { state: 'declined', declineReason: 'declined' } });
    expect((await publishedEvent(orders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'payment_declined', paymentWasAuthorized: false, authorizationVoided: false });
    expect(publishedAbout(orders, orderId)).toEqual(['checkout.cart-checked-out.v2', PaymentFailedV1.wireType, OrderCancelledV1.wireType]);
  });

  it('holds an order of 10,000.00 for a risk analyst; approval sends it on to payment', async () => {
    const orderId = await placeOrder(checkout, aLargeOrderRequest());
    const waiting = await orderReaches(checkout, orderId, 'awaiting_fraud_review', 'awaiting_fraud_review');
    expect(waiting).toMatchObject({ fraudReview: { score: 100, reasons: ['large_order'], decision: 'pending' }, payment: { state: 'pending' } });
    expect((await publishedEvent(orders, orderId, FraudReviewRequestedV1)).data).toMatchObject({ score: 100, reasons: ['large_order'] });
    const queue = await checkout.get<{ reviews: { orderId: string }[] }>('/fraud-reviews?status=pending');
    expect(queue.body.reviews).toContainEqual(expect.objectContaining({ orderId, score: 100, total: { amount: 1_000_000, currency: 'EUR' } }));

    const analyst = checkout.as('risk-analyst', 'analyst-grace');
    const approved = await analyst.post(`/fraud-reviews/${orderId}/approve`, { reason: 'Regular customer, confirmed by phone' });

    expect(approved).toMatchObject({
      status: 200,
      body: { orderId, status: 'payment_authorized', fraudReview: { decision: 'approved', decidedBy: 'analyst-grace', decisionReason: 'Regular customer, confirmed by phone' } },
    });
    expect((await publishedEvent(orders, orderId, FraudReviewDecidedV1)).data).toMatchObject({
      decision: 'approved',
      decidedBy: 'analyst-grace',
      reason: 'Regular customer, confirmed by phone',
    });
    await publishedEvent(orders, orderId, PaymentAuthorizedV2);
    expect((await checkout.get<{ reviews: { orderId: string }[] }>('/fraud-reviews')).body.reviews.map((review) => review.orderId)).not.toContain(orderId);
    expect(await analyst.post(`/fraud-reviews/${orderId}/reject`, { reason: 'Second thoughts' })).toMatchObject({ status: 409, body: { code: 'fraud_review_not_pending' } });
  });

  it('cancels an order the risk analyst rejects (fraud_rejected), without asking for payment', async () => {
    const orderId = await placeOrder(checkout, aLargeOrderRequest());
    await orderReaches(checkout, orderId, 'awaiting_fraud_review', 'awaiting_fraud_review');

    const rejected = await checkout.as('risk-analyst').post(`/fraud-reviews/${orderId}/reject`, { reason: 'Card reported stolen' });

    expect(rejected).toMatchObject({ status: 200, body: { status: 'cancelled', cancellationReason: 'fraud_rejected', payment: { state: 'none' } } });
    expect((await publishedEvent(orders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'fraud_rejected', paymentWasAuthorized: false });
    expect(publishedAbout(orders, orderId)).not.toContain(PaymentAuthorizedV2.wireType);
  });

  it('confirms the order when Fulfillment reserved its stock, once however often the news comes', async () => {
    const orderId = await anAuthorizedOrder();

    await sendTwice(Topics.fulfillmentReservations, reserved(orderId));

    await orderReaches(checkout, orderId, 'confirmed', 'confirmed');
    await publishedEvent(orders, orderId, OrderConfirmedV1);
    expect(publishedAbout(orders, orderId)).toEqual(['checkout.cart-checked-out.v2', PaymentAuthorizedV2.wireType, OrderConfirmedV1.wireType]);
  });

  it('voids the authorization and cancels (out_of_stock) when Fulfillment could not reserve, once however often the news comes', async () => {
    const orderId = await anAuthorizedOrder();

    await sendTwice(Topics.fulfillmentReservations, reservationFailed(orderId));

    const order = await orderReaches(checkout, orderId, 'cancelled', 'cancelled');
    expect(order).toMatchObject({ cancellationReason: 'out_of_stock', payment: { state: 'voided' } });
    expect((await publishedEvent(orders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'out_of_stock', paymentWasAuthorized: true, authorizationVoided: true });
    expect(publishedAbout(orders, orderId).filter((type) => type === OrderCancelledV1.wireType)).toHaveLength(1);
  });

  it('lets the buyer cancel before dispatch: buyer_cancelled, and the authorization voided', async () => {
    const orderId = await anAuthorizedOrder();

    const cancelled = await checkout.post(`/orders/${orderId}/cancel`, {});

    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', cancellationReason: 'buyer_cancelled', payment: { state: 'voided' } } });
    expect((await checkout.post(`/orders/${orderId}/cancel`, {})).status).toBe(200);
    expect((await publishedEvent(orders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'buyer_cancelled', authorizationVoided: true });
  });

  it('completes the order when its parcel is dispatched, once however often the news comes; the buyer can no longer cancel (409)', async () => {
    const orderId = await anAuthorizedOrder();
    await checkout.send(Topics.fulfillmentReservations, reserved(orderId));
    await orderReaches(checkout, orderId, 'confirmed', 'confirmed');

    await sendTwice(Topics.fulfillmentShipments, dispatched(orderId));

    await orderReaches(checkout, orderId, 'completed', 'completed');
    const refused = await checkout.post(`/orders/${orderId}/cancel`, {});
    expect(refused).toMatchObject({ status: 409, body: { code: 'order_already_dispatched' } });
    expect(refused.contentType).toContain('application/problem+json');
    await publishedEvent(orders, orderId, OrderCompletedV1);
    expect(publishedAbout(orders, orderId)).toEqual(['checkout.cart-checked-out.v2', PaymentAuthorizedV2.wireType, OrderConfirmedV1.wireType, OrderCompletedV1.wireType]);
  });

  it('decides a buyer’s cancel racing Fulfillment’s confirmation by version: never a lost update', async () => {
    const orderIds = await Promise.all(Array.from({ length: 4 }, () => anAuthorizedOrder()));

    const answers = await Promise.all(
      orderIds.map(async (orderId) => {
        const [, cancel] = await Promise.all([checkout.send(Topics.fulfillmentReservations, reserved(orderId)), checkout.post(`/orders/${orderId}/cancel`, {})]);
        return { orderId, cancel };
      }),
    );

    for (const { orderId, cancel } of answers) {
      expect([200, 409]).toContain(cancel.status);
      if (cancel.status === 409) expect(cancel.body['code']).toBe('concurrency_conflict');
      const final = await orderReaches(checkout, orderId, cancel.status === 200 ? 'cancelled' : 'confirmed');
      expect(final.process?.pending).toEqual([]);
      if (final.status === 'cancelled') {
        expect(final).toMatchObject({ cancellationReason: 'buyer_cancelled', payment: { state: 'voided' } });
        await publishedEvent(orders, orderId, OrderCancelledV1);
      }
    }
  });

  it('changes nothing on an order’s process when consumed Fulfillment news is replayed after it moved on', async () => {
    const orderId = await anAuthorizedOrder();
    const reservation = reserved(orderId);
    const dispatch = dispatched(orderId);
    await checkout.send(Topics.fulfillmentReservations, reservation);
    await orderReaches(checkout, orderId, 'confirmed', 'confirmed');
    await checkout.send(Topics.fulfillmentShipments, dispatch);
    const completed = await orderReaches(checkout, orderId, 'completed', 'completed');

    await checkout.send(Topics.fulfillmentReservations, reservation);
    await checkout.consumedPast(await checkout.send(Topics.fulfillmentShipments, dispatch));
    await checkout.caughtUp(Topics.fulfillmentReservations);

    expect(await orderOf(checkout, orderId)).toEqual(completed);
    expect(await checkout.count('inbox WHERE consumer = $1', ['checkout.fulfillment-events'])).toBeGreaterThanOrEqual(2);
  });

  it('acts on Fulfillment’s answer that arrives after a restart of Checkout: the waiting order was not lost', async () => {
    const orderId = await anAuthorizedOrder();

    await checkout.stopInstances();
    await checkout.startInstance();
    await checkout.send(Topics.fulfillmentReservations, reserved(orderId));

    await orderReaches(checkout, orderId, 'confirmed', 'confirmed');
    expect(publishedAbout(orders, orderId).filter((type) => type === PaymentAuthorizedV2.wireType)).toHaveLength(1);
  });

  it('dead-letters news its process cannot take (a reservation for an order never paid) and goes on with the partition', async () => {
    const orderId = await placeOrder(checkout, aLargeOrderRequest());
    await orderReaches(checkout, orderId, 'awaiting_fraud_review', 'awaiting_fraud_review');
    const other = await anAuthorizedOrder();

    await expectDeadLettered(checkout, {
      topic: Topics.fulfillmentReservations,
      refused: { ...reserved(orderId), key: orderId },
      because: { errorType: 'UnexpectedProcessInput', attempts: 1 },
      next: { ...reserved(other), key: orderId },
    });
    await orderReaches(checkout, other, 'confirmed');
  });
});
