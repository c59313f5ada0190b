import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import { expectDeadLettered, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage, TopicTap, withData, withKey } from '@bazaar/platform-testing';
import { CartCheckedOutV1, EventHeaders, ShipmentCreatedV1, Topics } from '@bazaar/published-language';
import { fulfillmentService } from '../fulfillment.service';

interface ShipmentJson {
  shipmentId: string;
  orderId: string;
  status: string;
  lines: unknown;
  createdAt: string;
}

describe('Fulfillment, when Checkout publishes checked-out carts', () => {
  let fulfillment: ServiceUnderTest;
  let shipmentEvents: TopicTap;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService);
    shipmentEvents = await fulfillment.namespace.tap(Topics.fulfillmentShipments);
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  const aCartCheckedOut = (orderId: string = randomUUID()) => anEvent(CartCheckedOutV1, { data: { orderId } });
  const publish = (message: Message) => fulfillment.send(Topics.checkoutOrders, message);
  const shipmentsOf = async (orderId: string) => {
    const answer = await fulfillment.get<{ shipments: ShipmentJson[] }>(`/shipments?orderId=${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body.shipments;
  };
  const oneShipmentOf = (orderId: string) =>
    eventually(async () => {
      const shipments = await shipmentsOf(orderId);
      expect(shipments).toHaveLength(1);
      return shipments[0]!;
    });
  const outboxRowsFor = (orderId: string) => fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [orderId]);

  it('creates the order\'s shipment and publishes ShipmentCreated, caused by the checkout event', async () => {
    const checkedOut = aCartCheckedOut();
    await publish(kafkaMessage(checkedOut));

    const shipment = await oneShipmentOf(checkedOut.data.orderId);
    expect(shipment).toEqual({
      shipmentId: expect.any(String),
      orderId: checkedOut.data.orderId,
      status: 'created',
      lines: [
        { sku: 'MUG-BLUE', quantity: 2 },
        { sku: 'TEA-EARL', quantity: 1 },
      ],
      createdAt: expect.any(String),
    });

    const published = await shipmentEvents.waitFor(withData('orderId', checkedOut.data.orderId));
    expect(published).toHaveLength(1);
    const event = ShipmentCreatedV1.parse(published[0]!.body);
    expect(event.data).toEqual({ ...shipment, status: 'created' });
    expect(event).toMatchObject({
      producer: 'fulfillment',
      aggregateId: shipment.shipmentId,
      causationId: checkedOut.id,
      correlationId: checkedOut.correlationId,
    });
    expect(published[0]!.key).toBe(shipment.shipmentId);
    expect(published[0]!.headers[EventHeaders.type]).toBe(ShipmentCreatedV1.wireType);
  });

  it('changes nothing when the same message is delivered again', async () => {
    const checkedOut = aCartCheckedOut();
    const message = kafkaMessage(checkedOut);
    await publish(message);
    const shipment = await oneShipmentOf(checkedOut.data.orderId);

    await fulfillment.consumedPast(await publish(message));

    expect(await shipmentsOf(checkedOut.data.orderId)).toEqual([shipment]);
    expect(await outboxRowsFor(checkedOut.data.orderId)).toBe(1);
    expect(await fulfillment.count('inbox WHERE event_id = $1', [checkedOut.id])).toBe(1);
  });

  it('creates no second shipment for another checkout event about the same order', async () => {
    const first = aCartCheckedOut();
    await publish(kafkaMessage(first));
    const shipment = await oneShipmentOf(first.data.orderId);

    await fulfillment.consumedPast(await publish(kafkaMessage(aCartCheckedOut(first.data.orderId))));

    expect(await shipmentsOf(first.data.orderId)).toEqual([shipment]);
    expect(await outboxRowsFor(first.data.orderId)).toBe(1);
  });

  it('dead-letters a message that is not JSON and goes on with the next one on its partition', async () => {
    const orderId = randomUUID();

    await expectDeadLettered(fulfillment, {
      topic: Topics.checkoutOrders,
      refused: { key: orderId, value: 'this is {not JSON' },
      because: { errorType: 'MalformedMessage', error: expect.stringMatching(/not JSON/) },
      next: kafkaMessage(aCartCheckedOut(orderId)),
    });
    await oneShipmentOf(orderId);
  });

  it('dead-letters a message that breaks the contract and goes on with the next one on its partition', async () => {
    const broken = aCartCheckedOut();

    const letter = await expectDeadLettered(fulfillment, {
      topic: Topics.checkoutOrders,
      refused: { ...kafkaMessage({ ...broken, data: { ...broken.data, lines: [] } }), key: broken.aggregateId },
      because: { errorType: 'ContractViolation', error: expect.stringMatching(/lines/), attempts: 1 },
      next: kafkaMessage(aCartCheckedOut(broken.data.orderId)),
    });
    expect(letter.headers[EventHeaders.id]).toBe(broken.id);
    await oneShipmentOf(broken.data.orderId);
  });

  it('skips event types it does not handle, without dead-lettering them', async () => {
    const orderId = randomUUID();
    const other = kafkaMessage({ ...aCartCheckedOut(orderId), type: 'checkout.order-cancelled' });

    await fulfillment.consumedPast(await publish(other));

    expect(other.headers).toMatchObject({ [EventHeaders.type]: 'checkout.order-cancelled.v1' });
    expect(await shipmentsOf(orderId)).toEqual([]);
    expect(fulfillment.deadLetters.matching(withKey(orderId))).toEqual([]);
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
