import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import { deadLetterFacts, expectDeadLettered, scrapeMetrics, ServiceUnderTest, sumOf } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage, TappedMessage, TopicTap, withData, withKey } from '@bazaar/platform-testing';
import {
  CartCheckedOutV1,
  EventHeaders,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  Topics,
} from '@bazaar/published-language';
import { fulfillmentService } from '../fulfillment.service';
import { anOrderConfirmation, aPaidOrder, aSku, Warehouse } from '../testing/warehouse';

describe('Fulfillment, when Checkout publishes its orders', () => {
  let fulfillment: ServiceUnderTest;
  let warehouse: Warehouse;
  let shipmentEvents: TopicTap;
  let reservationEvents: TopicTap;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService);
    warehouse = new Warehouse(fulfillment);
    [shipmentEvents, reservationEvents] = await Promise.all([fulfillment.namespace.tap(Topics.fulfillmentShipments), fulfillment.namespace.tap(Topics.fulfillmentReservations)]);
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  const anOrderCancelled = (orderId: string, paymentWasAuthorized = true) =>
    anEvent(OrderCancelledV1, { data: { orderId, reason: 'buyer_cancelled', paymentWasAuthorized, authorizationVoided: paymentWasAuthorized } });
  const publish = (message: Message) => fulfillment.send(Topics.checkoutOrders, message);
  const outboxRowsFor = (orderId: string, contract: { type: string }) =>
    fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1 AND payload->>'type' = $2`, [orderId, contract.type]);
  const about = (orderId: string, contract: { wireType: string }) => (message: TappedMessage) =>
    message.headers[EventHeaders.type] === contract.wireType && withData('orderId', orderId)(message);
  /** Stocks two fresh SKUs and has Checkout authorize an order of 2 + 1 units of them. */
  const aStockedOrder = async (mugs = 5, tea = 1) => {
    const [mug, tea_] = [aSku('MUG'), aSku('TEA')];
    await warehouse.stock(mug, mugs);
    await warehouse.stock(tea_, tea);
    return { mug, tea: tea_, authorized: aPaidOrder({ [mug]: 2, [tea_]: 1 }) };
  };
  const aReservedOrder = async () => {
    const order = await aStockedOrder();
    await publish(kafkaMessage(order.authorized));
    return { ...order, shipment: await warehouse.oneShipmentOf(order.authorized.data.orderId) };
  };
  /** Reserved, then confirmed by Checkout: its shipment released to the warehouse. */
  const aConfirmedOrder = async () => {
    const order = await aStockedOrder();
    return { ...order, shipment: await warehouse.releasedShipmentFor(order.authorized) };
  };

  describe('a payment authorized, every line in stock', () => {
    it('reserves every line and publishes InventoryReserved, keyed by the order and caused by the payment event', async () => {
      const { mug, tea, authorized } = await aStockedOrder();
      const { orderId } = authorized.data;

      await publish(kafkaMessage(authorized));

      const [message] = await reservationEvents.waitFor(withKey(orderId));
      const reserved = InventoryReservedV1.parse(message!.body);
      expect(reserved.data).toEqual({
        orderId,
        lines: [
          { sku: mug, quantity: 2 },
          { sku: tea, quantity: 1 },
        ],
        reservedAt: expect.any(String),
      });
      expect(reserved).toMatchObject({ producer: 'fulfillment', aggregateId: orderId, causationId: authorized.id, correlationId: authorized.correlationId });
      expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 5, reserved: 2, available: 3 });
      expect(await warehouse.level(tea)).toEqual({ sku: tea, onHand: 1, reserved: 1, available: 0 });
    });

    it("creates the order's shipment with the reserved lines and publishes ShipmentCreated, in the same transaction", async () => {
      const { mug, tea, authorized } = await aStockedOrder();
      const { orderId } = authorized.data;

      await publish(kafkaMessage(authorized));

      const shipment = await warehouse.oneShipmentOf(orderId);
      expect(shipment).toMatchObject({
        orderId,
        status: 'created',
        lines: [
          { sku: mug, quantity: 2 },
          { sku: tea, quantity: 1 },
        ],
        carrier: null,
        trackingNumber: null,
      });
      const [message] = await shipmentEvents.waitFor(withData('orderId', orderId));
      const created = ShipmentCreatedV1.parse(message!.body);
      expect(created.data).toMatchObject({ shipmentId: shipment.shipmentId, orderId, status: 'created', lines: shipment.lines });
      expect(created).toMatchObject({ aggregateId: shipment.shipmentId, causationId: authorized.id });
      expect(message!.key).toBe(shipment.shipmentId);
      const [reserved] = await reservationEvents.waitFor(withKey(orderId));
      // One transaction wrote both, so neither can be published without the other.
      expect(await fulfillment.count(`outbox WHERE payload->>'causationId' = $1`, [authorized.id])).toBe(2);
      expect(reserved!.headers[EventHeaders.type]).toBe(InventoryReservedV1.wireType);
    });

    it('changes nothing when the same message is delivered again', async () => {
      const { mug, authorized } = await aStockedOrder();
      const message = kafkaMessage(authorized);
      await publish(message);
      const shipment = await warehouse.oneShipmentOf(authorized.data.orderId);

      await fulfillment.consumedPast(await publish(message));

      expect(await warehouse.shipmentsOf(authorized.data.orderId)).toEqual([shipment]);
      expect(await warehouse.level(mug)).toMatchObject({ onHand: 5, reserved: 2 });
      expect(await outboxRowsFor(authorized.data.orderId, InventoryReservedV1)).toBe(1);
      expect(await outboxRowsFor(authorized.data.orderId, ShipmentCreatedV1)).toBe(1);
      expect(await fulfillment.count('inbox WHERE event_id = $1', [authorized.id])).toBe(1);
    });

    it('reserves nothing more for another payment event about the same order', async () => {
      const { mug, authorized, shipment } = await aReservedOrder();

      await fulfillment.consumedPast(await publish(kafkaMessage(aPaidOrder({ [mug]: 3 }, authorized.data.orderId))));

      expect(await warehouse.shipmentsOf(authorized.data.orderId)).toEqual([shipment]);
      expect(await warehouse.level(mug)).toMatchObject({ reserved: 2 });
      expect(await outboxRowsFor(authorized.data.orderId, InventoryReservedV1)).toBe(1);
    });
  });

  describe('a payment authorized, a line short', () => {
    it('reserves nothing, creates no shipment and publishes InventoryReservationFailed saying which line and why', async () => {
      const { mug, tea, authorized } = await aStockedOrder(5, 0);
      const { orderId } = authorized.data;

      await publish(kafkaMessage(authorized));

      const [message] = await reservationEvents.waitFor(withKey(orderId));
      const failed = InventoryReservationFailedV1.parse(message!.body);
      expect(failed.data.unavailable).toEqual([{ sku: tea, requested: 1, available: 0, reason: 'insufficient_stock' }]);
      expect(failed).toMatchObject({ aggregateId: orderId, causationId: authorized.id });
      expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 5, reserved: 0, available: 5 });
      expect(await warehouse.shipmentsOf(orderId)).toEqual([]);
      expect(await outboxRowsFor(orderId, ShipmentCreatedV1)).toBe(0);
    });

    it('says a SKU never stocked is not stocked, and leaves the stocked line untouched', async () => {
      const mug = aSku('MUG');
      const never = aSku('NEVER');
      await warehouse.stock(mug, 5);
      const authorized = aPaidOrder({ [mug]: 2, [never]: 1 });

      await publish(kafkaMessage(authorized));

      const [message] = await reservationEvents.waitFor(withKey(authorized.data.orderId));
      expect(InventoryReservationFailedV1.parse(message!.body).data.unavailable).toEqual([{ sku: never, requested: 1, available: 0, reason: 'not_stocked' }]);
      expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 5, reserved: 0, available: 5 });
      expect(await warehouse.level(never)).toEqual({ sku: never, onHand: 0, reserved: 0, available: 0 });
    });
  });

  it('does nothing for a checked-out cart: it is not paid yet', async () => {
    const checkedOut = anEvent(CartCheckedOutV1);

    await fulfillment.consumedPast(await publish(kafkaMessage(checkedOut)));

    expect(await warehouse.shipmentsOf(checkedOut.data.orderId)).toEqual([]);
    expect(await fulfillment.count('reservations WHERE order_id = $1', [checkedOut.data.orderId])).toBe(0);
    expect(await fulfillment.count('inbox WHERE event_id = $1', [checkedOut.id])).toBe(0);
    expect(fulfillment.deadLetters.matching(withKey(checkedOut.aggregateId))).toEqual([]);
  });

  describe('an order cancelled', () => {
    it('before dispatch: releases its stock, cancels its shipment and publishes ShipmentCancelled, caused by the cancellation', async () => {
      const { mug, tea, authorized, shipment } = await aReservedOrder();
      const { orderId } = authorized.data;
      const cancelled = anOrderCancelled(orderId);

      await publish(kafkaMessage(cancelled));

      expect(await warehouse.oneShipmentOf(orderId, 'cancelled')).toMatchObject({ shipmentId: shipment.shipmentId, cancelledAt: expect.any(String) });
      expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 5, reserved: 0, available: 5 });
      expect(await warehouse.level(tea)).toEqual({ sku: tea, onHand: 1, reserved: 0, available: 1 });
      const published = await shipmentEvents.waitFor(about(orderId, ShipmentCancelledV1));
      expect(published).toHaveLength(1);
      const event = ShipmentCancelledV1.parse(published[0]!.body);
      expect(event.data).toEqual({ shipmentId: shipment.shipmentId, orderId, status: 'cancelled', cancelledAt: expect.any(String) });
      expect(event).toMatchObject({ aggregateId: shipment.shipmentId, causationId: cancelled.id, correlationId: cancelled.correlationId });
    });

    it('changes nothing when the same cancellation is delivered again', async () => {
      const { mug, authorized } = await aReservedOrder();
      const message = kafkaMessage(anOrderCancelled(authorized.data.orderId));
      await publish(message);
      const cancelled = await warehouse.oneShipmentOf(authorized.data.orderId, 'cancelled');

      await fulfillment.consumedPast(await publish(message));

      expect(await warehouse.shipmentsOf(authorized.data.orderId)).toEqual([cancelled]);
      expect(await warehouse.level(mug)).toMatchObject({ onHand: 5, reserved: 0 });
      expect(await outboxRowsFor(authorized.data.orderId, ShipmentCancelledV1)).toBe(1);
    });

    it('before its payment arrived (a replay reordered them): the late payment reserves nothing and ships nothing', async () => {
      const { mug, tea, authorized } = await aStockedOrder();
      const { orderId } = authorized.data;
      await fulfillment.consumedPast(await publish(kafkaMessage(anOrderCancelled(orderId))));

      await fulfillment.consumedPast(await publish(kafkaMessage(authorized)));

      expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 5, reserved: 0, available: 5 });
      expect(await warehouse.level(tea)).toEqual({ sku: tea, onHand: 1, reserved: 0, available: 1 });
      expect(await warehouse.shipmentsOf(orderId)).toEqual([]);
      expect(await fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [orderId])).toBe(0);
      expect(await fulfillment.count('inbox WHERE event_id = $1', [authorized.id])).toBe(1);
      expect(fulfillment.deadLetters.matching(withKey(orderId))).toEqual([]);
    });

    it('after its reservation failed: nothing was held, nothing changes', async () => {
      const { mug, authorized } = await aStockedOrder(5, 0);
      await publish(kafkaMessage(authorized));
      await reservationEvents.waitFor(withKey(authorized.data.orderId));

      await fulfillment.consumedPast(await publish(kafkaMessage(anOrderCancelled(authorized.data.orderId))));

      expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 5, reserved: 0, available: 5 });
      expect(await fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [authorized.data.orderId])).toBe(1);
    });

    it('after dispatch: dead-lettered, the shipment stays dispatched and the stock deducted, and the partition goes on', async () => {
      const { mug, authorized, shipment } = await aConfirmedOrder();
      const { orderId } = authorized.data;
      await warehouse.walk(shipment.shipmentId, 'dispatch');
      const next = await aStockedOrder();

      await expectDeadLettered(fulfillment, {
        topic: Topics.checkoutOrders,
        refused: { ...kafkaMessage(anOrderCancelled(orderId)), key: orderId },
        because: { errorType: 'ShipmentAlreadyDispatched', error: expect.stringMatching(/can no longer be cancelled/), attempts: 1 },
        next: { ...kafkaMessage(next.authorized), key: orderId },
      });
      await warehouse.oneShipmentOf(next.authorized.data.orderId);
      expect(await warehouse.shipmentsOf(orderId)).toEqual([expect.objectContaining({ status: 'dispatched' })]);
      expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 3, reserved: 0, available: 3 });
    });
  });

  describe('an order confirmed', () => {
    it('releases its shipment to the warehouse, once, publishing nothing (Checkout’s event already tells everyone)', async () => {
      const { authorized, shipment } = await aReservedOrder();
      const { orderId } = authorized.data;
      expect(shipment.releasedAt).toBeNull();
      const outboxBefore = await fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [orderId]);
      const confirmed = anOrderConfirmation(orderId);

      await fulfillment.consumedPast(await publish(kafkaMessage(confirmed)));
      await fulfillment.consumedPast(await publish(kafkaMessage(confirmed)));

      const [released] = await warehouse.shipmentsOf(orderId);
      expect(released).toMatchObject({ status: 'created', releasedAt: expect.any(String) });
      expect(await fulfillment.count('shipments WHERE order_id = $1 AND version = 2', [orderId])).toBe(1);
      expect(await fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = $1`, [orderId])).toBe(outboxBefore);
      expect(await fulfillment.count('inbox WHERE event_id = $1', [confirmed.id])).toBe(1);
      expect(fulfillment.deadLetters.matching(withKey(orderId))).toEqual([]);
    });

    it('after Checkout cancelled it (a replayed dead letter): dead-lettered, the shipment stays cancelled, and the partition goes on', async () => {
      const { authorized } = await aReservedOrder();
      const { orderId } = authorized.data;
      await fulfillment.consumedPast(await publish(kafkaMessage(anOrderCancelled(orderId))));
      const next = await aStockedOrder();

      await expectDeadLettered(fulfillment, {
        topic: Topics.checkoutOrders,
        refused: { ...kafkaMessage(anOrderConfirmation(orderId)), key: orderId },
        because: { errorType: 'ShipmentIsCancelled', error: expect.stringMatching(/cancelled: it cannot be released/), attempts: 1 },
        next: { ...kafkaMessage(next.authorized), key: orderId },
      });
      await warehouse.oneShipmentOf(next.authorized.data.orderId);
      expect(await warehouse.shipmentsOf(orderId)).toEqual([expect.objectContaining({ status: 'cancelled', releasedAt: null })]);
    });

    it('for an order Fulfillment holds no shipment for: dead-lettered as news out of order', async () => {
      const orderId = randomUUID();
      const next = await aStockedOrder();

      await expectDeadLettered(fulfillment, {
        topic: Topics.checkoutOrders,
        refused: { ...kafkaMessage(anOrderConfirmation(orderId)), key: orderId },
        because: { errorType: 'OrderHasNoShipment', error: expect.stringMatching(/no shipment/), attempts: 1 },
        next: { ...kafkaMessage(next.authorized), key: orderId },
      });
    });
  });

  it('a refusal among messages handled in one transaction: that message alone is dead-lettered, its neighbours are applied', async () => {
    const [first, second] = [await aStockedOrder(), await aStockedOrder()];
    const stray = anOrderConfirmation(randomUUID());
    const key = randomUUID();
    const handled = async (wireType: string, outcome: string) =>
      sumOf(await scrapeMetrics(fulfillment.instances[0]!), 'bazaar_consumer_handler_duration_seconds_count', { event_type: wireType, outcome });
    const paymentsHandled = await handled('checkout.payment-authorized.v2', 'handled');

    // One produce request: the three land together on one partition and are fetched together.
    await fulfillment.send(Topics.checkoutOrders, { ...kafkaMessage(first.authorized), key }, { ...kafkaMessage(stray), key }, { ...kafkaMessage(second.authorized), key });

    const [letter, ...more] = await fulfillment.deadLetters.waitFor((parked) => parked.key === key);
    expect(more).toEqual([]);
    expect((letter!.body as { id: string }).id).toBe(stray.id);
    expect(deadLetterFacts(letter!)).toMatchObject({ errorType: 'OrderHasNoShipment', attempts: 1 });
    expect(await warehouse.oneShipmentOf(first.authorized.data.orderId)).toMatchObject({ status: 'created' });
    expect(await warehouse.oneShipmentOf(second.authorized.data.orderId)).toMatchObject({ status: 'created' });
    expect(await warehouse.level(first.mug)).toMatchObject({ reserved: 2 });
    expect(await fulfillment.count('inbox WHERE event_id = ANY($1::uuid[])', [[first.authorized.id, stray.id, second.authorized.id]])).toBe(2);
    // Each payment ran twice: in the shared transaction the refusal rolled back, then on its own.
    expect(await handled('checkout.payment-authorized.v2', 'handled')).toBeGreaterThanOrEqual(paymentsHandled + 4);
  });

  it('dead-letters a message that is not JSON and goes on with the next one on its partition', async () => {
    const { authorized } = await aStockedOrder();
    const orderId = authorized.data.orderId;

    await expectDeadLettered(fulfillment, {
      topic: Topics.checkoutOrders,
      refused: { key: orderId, value: 'this is {not JSON' },
      because: { errorType: 'MalformedMessage', error: expect.stringMatching(/not JSON/) },
      next: kafkaMessage(authorized),
    });
    await warehouse.oneShipmentOf(orderId);
  });

  it('dead-letters a message that breaks the contract and goes on with the next one on its partition', async () => {
    const { authorized } = await aStockedOrder();

    const letter = await expectDeadLettered(fulfillment, {
      topic: Topics.checkoutOrders,
      refused: { ...kafkaMessage({ ...authorized, id: randomUUID(), data: { ...authorized.data, lines: [] } }), key: authorized.aggregateId },
      because: { errorType: 'ContractViolation', error: expect.stringMatching(/lines/), attempts: 1 },
      next: kafkaMessage(authorized),
    });
    expect(letter.headers[EventHeaders.type]).toBe('checkout.payment-authorized.v2');
    await warehouse.oneShipmentOf(authorized.data.orderId);
  });

  it('skips event types it does not handle, without dead-lettering them', async () => {
    const completed = anEvent(OrderCompletedV1);

    await fulfillment.consumedPast(await publish(kafkaMessage(completed)));

    expect(await warehouse.shipmentsOf(completed.data.orderId)).toEqual([]);
    expect(await fulfillment.count('inbox WHERE event_id = $1', [completed.id])).toBe(0);
    expect(fulfillment.deadLetters.matching(withKey(completed.aggregateId))).toEqual([]);
  });
});
