import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import { expectDeadLettered, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage, TappedMessage, TopicTap, withData, withKey } from '@bazaar/platform-testing';
import {
  CartCheckedOutV1,
  EventHeaders,
  OrderCancelledV1,
  OrderConfirmedV1,
  PaymentAuthorizedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  Topics,
} from '@bazaar/published-language';
import { fulfillmentService } from '../fulfillment.service';

interface ShipmentJson {
  shipmentId: string;
  orderId: string;
  status: string;
  lines: unknown;
  createdAt: string;
}

describe('Fulfillment, when Checkout publishes its orders', () => {
  let fulfillment: ServiceUnderTest;
  let shipmentEvents: TopicTap;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService);
    shipmentEvents = await fulfillment.namespace.tap(Topics.fulfillmentShipments);
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  const aPaymentAuthorized = (orderId: string = randomUUID()) => anEvent(PaymentAuthorizedV1, { data: { orderId } });
  const anOrderCancelled = (orderId: string, paymentWasAuthorized = true) =>
    anEvent(OrderCancelledV1, { data: { orderId, reason: 'buyer_cancelled', paymentWasAuthorized, authorizationVoided: paymentWasAuthorized } });
  const publish = (message: Message) => fulfillment.send(Topics.checkoutOrders, message);
  const shipmentsOf = async (orderId: string) => {
    const answer = await fulfillment.get<{ shipments: ShipmentJson[] }>(`/shipments?orderId=${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body.shipments;
  };
  const oneShipmentOf = (orderId: string, status = 'created') =>
    eventually(async () => {
      const shipments = await shipmentsOf(orderId);
      expect(shipments).toEqual([expect.objectContaining({ status })]);
      return shipments[0]!;
    });
  const outboxRowsFor = (orderId: string, contract: { type: string }) =>
    fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1 AND payload->>'type' = $2`, [orderId, contract.type]);
  const about = (orderId: string, contract: { wireType: string }) => (message: TappedMessage) =>
    message.headers[EventHeaders.type] === contract.wireType && withData('orderId', orderId)(message);
  const aPaidOrder = async () => {
    const authorized = aPaymentAuthorized();
    await publish(kafkaMessage(authorized));
    return { authorized, shipment: await oneShipmentOf(authorized.data.orderId) };
  };

  describe('a payment authorized', () => {
    it('creates the order\'s shipment with its lines and publishes ShipmentCreated, caused by the payment event', async () => {
      const authorized = aPaymentAuthorized();
      await publish(kafkaMessage(authorized));

      const shipment = await oneShipmentOf(authorized.data.orderId);
      expect(shipment).toEqual({
        shipmentId: expect.any(String),
        orderId: authorized.data.orderId,
        status: 'created',
        lines: [
          { sku: 'MUG-BLUE', quantity: 2 },
          { sku: 'TEA-EARL', quantity: 1 },
        ],
        createdAt: expect.any(String),
      });

      const published = await shipmentEvents.waitFor(withData('orderId', authorized.data.orderId));
      expect(published).toHaveLength(1);
      const event = ShipmentCreatedV1.parse(published[0]!.body);
      expect(event.data).toEqual({ ...shipment, status: 'created' });
      expect(event).toMatchObject({
        producer: 'fulfillment',
        aggregateId: shipment.shipmentId,
        causationId: authorized.id,
        correlationId: authorized.correlationId,
      });
      expect(published[0]!.key).toBe(shipment.shipmentId);
      expect(published[0]!.headers[EventHeaders.type]).toBe(ShipmentCreatedV1.wireType);
    });

    it('changes nothing when the same message is delivered again', async () => {
      const authorized = aPaymentAuthorized();
      const message = kafkaMessage(authorized);
      await publish(message);
      const shipment = await oneShipmentOf(authorized.data.orderId);

      await fulfillment.consumedPast(await publish(message));

      expect(await shipmentsOf(authorized.data.orderId)).toEqual([shipment]);
      expect(await outboxRowsFor(authorized.data.orderId, ShipmentCreatedV1)).toBe(1);
      expect(await fulfillment.count('inbox WHERE event_id = $1', [authorized.id])).toBe(1);
    });

    it('creates no second shipment for another payment event about the same order', async () => {
      const { authorized, shipment } = await aPaidOrder();

      await fulfillment.consumedPast(await publish(kafkaMessage(aPaymentAuthorized(authorized.data.orderId))));

      expect(await shipmentsOf(authorized.data.orderId)).toEqual([shipment]);
      expect(await outboxRowsFor(authorized.data.orderId, ShipmentCreatedV1)).toBe(1);
    });
  });

  it('creates nothing for a checked-out cart: it is not paid yet', async () => {
    const checkedOut = anEvent(CartCheckedOutV1);

    await fulfillment.consumedPast(await publish(kafkaMessage(checkedOut)));

    expect(await shipmentsOf(checkedOut.data.orderId)).toEqual([]);
    expect(await fulfillment.count('inbox WHERE event_id = $1', [checkedOut.id])).toBe(0);
    expect(fulfillment.deadLetters.matching(withKey(checkedOut.aggregateId))).toEqual([]);
  });

  describe('an order cancelled', () => {
    it('cancels the order\'s shipment before dispatch and publishes ShipmentCancelled, caused by the cancellation', async () => {
      const { authorized, shipment } = await aPaidOrder();
      const cancelled = anOrderCancelled(authorized.data.orderId);

      await publish(kafkaMessage(cancelled));

      expect(await oneShipmentOf(authorized.data.orderId, 'cancelled')).toEqual({ ...shipment, status: 'cancelled' });
      const published = await shipmentEvents.waitFor(about(authorized.data.orderId, ShipmentCancelledV1));
      expect(published).toHaveLength(1);
      const event = ShipmentCancelledV1.parse(published[0]!.body);
      expect(event.data).toEqual({ shipmentId: shipment.shipmentId, orderId: authorized.data.orderId, status: 'cancelled', cancelledAt: expect.any(String) });
      expect(event).toMatchObject({ aggregateId: shipment.shipmentId, causationId: cancelled.id, correlationId: cancelled.correlationId });
      expect(published[0]!.key).toBe(shipment.shipmentId);
    });

    it('changes nothing when the same cancellation is delivered again', async () => {
      const { authorized } = await aPaidOrder();
      const message = kafkaMessage(anOrderCancelled(authorized.data.orderId));
      await publish(message);
      const cancelled = await oneShipmentOf(authorized.data.orderId, 'cancelled');

      await fulfillment.consumedPast(await publish(message));

      expect(await shipmentsOf(authorized.data.orderId)).toEqual([cancelled]);
      expect(await outboxRowsFor(authorized.data.orderId, ShipmentCancelledV1)).toBe(1);
    });

    it('does nothing for an order without a shipment (cancelled before its payment was authorized)', async () => {
      const cancelled = anOrderCancelled(randomUUID(), false);

      await fulfillment.consumedPast(await publish(kafkaMessage(cancelled)));

      expect(await shipmentsOf(cancelled.data.orderId)).toEqual([]);
      expect(await fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [cancelled.data.orderId])).toBe(0);
      expect(await fulfillment.count('inbox WHERE event_id = $1', [cancelled.id])).toBe(1);
      expect(fulfillment.deadLetters.matching(withKey(cancelled.aggregateId))).toEqual([]);
    });

    it('dead-letters a cancellation that arrives after dispatch, leaving the shipment dispatched, and goes on', async () => {
      const { authorized } = await aPaidOrder();
      const { orderId } = authorized.data;
      // No use case dispatches yet: the warehouse's move, made by hand.
      await fulfillment.query(`UPDATE shipments SET status = 'dispatched', version = version + 1 WHERE order_id = $1`, [orderId]);
      const other = aPaymentAuthorized();

      await expectDeadLettered(fulfillment, {
        topic: Topics.checkoutOrders,
        refused: { ...kafkaMessage(anOrderCancelled(orderId)), key: orderId },
        because: { errorType: 'ShipmentAlreadyDispatched', error: expect.stringMatching(/can no longer be cancelled/), attempts: 1 },
        next: { ...kafkaMessage(other), key: orderId },
      });
      await oneShipmentOf(other.data.orderId);
      expect(await shipmentsOf(orderId)).toEqual([expect.objectContaining({ status: 'dispatched' })]);
    });
  });

  it('dead-letters a message that is not JSON and goes on with the next one on its partition', async () => {
    const orderId = randomUUID();

    await expectDeadLettered(fulfillment, {
      topic: Topics.checkoutOrders,
      refused: { key: orderId, value: 'this is {not JSON' },
      because: { errorType: 'MalformedMessage', error: expect.stringMatching(/not JSON/) },
      next: kafkaMessage(aPaymentAuthorized(orderId)),
    });
    await oneShipmentOf(orderId);
  });

  it('dead-letters a message that breaks the contract and goes on with the next one on its partition', async () => {
    const broken = aPaymentAuthorized();

    const letter = await expectDeadLettered(fulfillment, {
      topic: Topics.checkoutOrders,
      refused: { ...kafkaMessage({ ...broken, data: { ...broken.data, lines: [] } }), key: broken.aggregateId },
      because: { errorType: 'ContractViolation', error: expect.stringMatching(/lines/), attempts: 1 },
      next: kafkaMessage(aPaymentAuthorized(broken.data.orderId)),
    });
    expect(letter.headers[EventHeaders.id]).toBe(broken.id);
    await oneShipmentOf(broken.data.orderId);
  });

  it('skips event types it does not handle, without dead-lettering them', async () => {
    const confirmed = anEvent(OrderConfirmedV1);

    await fulfillment.consumedPast(await publish(kafkaMessage(confirmed)));

    expect(await shipmentsOf(confirmed.data.orderId)).toEqual([]);
    expect(await fulfillment.count('inbox WHERE event_id = $1', [confirmed.id])).toBe(0);
    expect(fulfillment.deadLetters.matching(withKey(confirmed.aggregateId))).toEqual([]);
  });

  describe('GET /shipments', () => {
    it('answers an empty list for an order without shipments', async () => {
      expect(await shipmentsOf(randomUUID())).toEqual([]);
    });

    it.each([
      ['without an orderId', '/shipments'],
      ['with an orderId that is not a UUID', '/shipments?orderId=order-1'],
    ])('answers 400 invalid_request %s', async (_case, path) => {
      const answer = await fulfillment.get(path);

      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 400, code: 'invalid_request', errors: [expect.objectContaining({ path: 'orderId' })] });
    });

    it('is documented in the OpenAPI description', async () => {
      const document = await fulfillment.get<{ paths: Record<string, unknown> }>('/docs/openapi.json');

      expect(document.body.paths['/shipments']).toMatchObject({
        get: { parameters: [expect.objectContaining({ name: 'orderId', in: 'query', required: true })] },
      });
    });
  });
});
