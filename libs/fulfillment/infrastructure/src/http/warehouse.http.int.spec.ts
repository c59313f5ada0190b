import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage, TappedMessage, TopicTap, withData } from '@bazaar/platform-testing';
import { EventHeaders, OrderCancelledV1, ShipmentDeliveredV1, ShipmentDispatchedV1, ShipmentPackedV1, ShipmentPickedV1, Topics } from '@bazaar/published-language';
import { fulfillmentService } from '../fulfillment.service';
import { anOrderConfirmation, aPaidOrder, aSku, Warehouse, warehouseWorker, WarehouseStep } from '../testing/warehouse';

describe("Fulfillment's warehouse routes", () => {
  let fulfillment: ServiceUnderTest;
  let warehouse: Warehouse;
  let shipmentEvents: TopicTap;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService);
    warehouse = new Warehouse(fulfillment);
    shipmentEvents = await fulfillment.namespace.tap(Topics.fulfillmentShipments);
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  const expectProblem = (answer: { status: number; contentType: string | null; body: unknown }, status: number, code: string) => {
    expect({ status: answer.status, contentType: answer.contentType, body: answer.body }).toEqual({
      status,
      contentType: expect.stringMatching(/^application\/problem\+json/),
      body: expect.objectContaining({ status, code, title: expect.any(String) }),
    });
  };
  /** A paid order of `quantity` units of a freshly stocked SKU, its stock reserved and its shipment created: not confirmed by Checkout yet. */
  const anUnconfirmedShipment = async (onHand = 10, quantity = 3) => {
    const sku = aSku();
    await warehouse.stock(sku, onHand);
    const authorized = aPaidOrder({ [sku]: quantity });
    await fulfillment.send(Topics.checkoutOrders, kafkaMessage(authorized));
    const shipment = await warehouse.oneShipmentOf(authorized.data.orderId);
    return { sku, orderId: authorized.data.orderId, shipmentId: shipment.shipmentId };
  };
  /** The same, its order confirmed by Checkout: released to the warehouse. */
  const aShipment = async (onHand = 10, quantity = 3) => {
    const sku = aSku();
    await warehouse.stock(sku, onHand);
    const paid = aPaidOrder({ [sku]: quantity });
    const shipment = await warehouse.releasedShipmentFor(paid);
    return { sku, orderId: paid.data.orderId, shipmentId: shipment.shipmentId };
  };
  const published = (shipmentId: string, contract: { wireType: string }) => (message: TappedMessage) =>
    message.headers[EventHeaders.type] === contract.wireType && withData('shipmentId', shipmentId)(message);

  describe('stock', () => {
    it('answers zeros for a SKU never stocked: nothing is available', async () => {
      const sku = aSku();

      expect(await warehouse.level(sku)).toEqual({ sku, onHand: 0, reserved: 0, available: 0 });
    });

    it('sets the counted stock with PUT and answers the stock level', async () => {
      const sku = aSku();

      const answer = await warehouse.count(sku, { onHand: 20 });

      expect(answer).toMatchObject({ status: 200, body: { sku, onHand: 20, reserved: 0, available: 20 } });
      expect(await warehouse.level(sku)).toEqual({ sku, onHand: 20, reserved: 0, available: 20 });
      await warehouse.count(sku, { onHand: 7 });
      expect(await warehouse.level(sku)).toMatchObject({ onHand: 7, available: 7 });
    });

    it('records when the count was made and by whom (the subject of the caller’s token)', async () => {
      const sku = aSku();
      await warehouse.stock(sku, 4);

      const { rows } = await fulfillment.query<{ counted_at: Date; counted_by: string | null }>('SELECT counted_at, counted_by FROM stock_items WHERE sku = $1', [sku]);

      expect(rows).toEqual([{ counted_at: expect.any(Date), counted_by: warehouseWorker.subject }]);
    });

    it('refuses a count below what is reserved with 409 stock_below_reserved, changing nothing', async () => {
      const { sku } = await aShipment(10, 3);

      expectProblem(await warehouse.count(sku, { onHand: 2 }), 409, 'stock_below_reserved');

      expect(await warehouse.level(sku)).toEqual({ sku, onHand: 10, reserved: 3, available: 7 });
      expect((await warehouse.count(sku, { onHand: 3 })).body).toEqual({ sku, onHand: 3, reserved: 3, available: 0 });
    });

    it.each([
      ['a negative count', { onHand: -1 }],
      ['a fractional count', { onHand: 1.5 }],
      ['a count as text', { onHand: '5' }],
      ['no count', {}],
      ['an unknown field', { onHand: 5, reserved: 0 }],
    ])('answers 400 invalid_request for %s, writing nothing', async (_case, body) => {
      const sku = aSku();

      expectProblem(await warehouse.count(sku, body), 400, 'invalid_request');

      expect(await fulfillment.count('stock_items WHERE sku = $1', [sku])).toBe(0);
    });

    it('answers 400 for a SKU longer than an order line allows', async () => {
      expectProblem(await warehouse.count('X'.repeat(65), { onHand: 1 }), 400, 'invalid_request');
    });
  });

  describe('a shipment through the warehouse', () => {
    it('is picked, packed, dispatched and delivered, each step answering the shipment and publishing its event', async () => {
      const { orderId, shipmentId } = await aShipment();

      const picked = await warehouse.step(shipmentId, 'pick');
      const packed = await warehouse.step(shipmentId, 'pack');
      const dispatched = await warehouse.step(shipmentId, 'dispatch', { carrier: 'DHL', trackingNumber: 'JD014600006281234567' });
      const delivered = await warehouse.step(shipmentId, 'deliver');

      expect([picked, packed, dispatched, delivered].map((answer) => [answer.status, answer.body['status']])).toEqual([
        [200, 'picked'],
        [200, 'packed'],
        [200, 'dispatched'],
        [200, 'delivered'],
      ]);
      expect(delivered.body).toMatchObject({
        shipmentId,
        orderId,
        carrier: 'DHL',
        trackingNumber: 'JD014600006281234567',
        pickedAt: expect.any(String),
        packedAt: expect.any(String),
        dispatchedAt: expect.any(String),
        deliveredAt: expect.any(String),
        pickedBy: warehouseWorker.subject,
        packedBy: warehouseWorker.subject,
        dispatchedBy: warehouseWorker.subject,
        deliveredBy: warehouseWorker.subject,
        cancelledAt: null,
      });
      for (const contract of [ShipmentPickedV1, ShipmentPackedV1, ShipmentDispatchedV1, ShipmentDeliveredV1]) {
        const [message] = await shipmentEvents.waitFor(published(shipmentId, contract));
        expect({ wire: contract.wireType, key: message!.key, orderId: contract.parse(message!.body).data.orderId }).toEqual({ wire: contract.wireType, key: shipmentId, orderId });
      }
      const [dispatchMessage] = shipmentEvents.matching(published(shipmentId, ShipmentDispatchedV1));
      expect(ShipmentDispatchedV1.parse(dispatchMessage!.body).data).toEqual({
        shipmentId,
        orderId,
        carrier: 'DHL',
        trackingNumber: 'JD014600006281234567',
        dispatchedAt: dispatched.body['dispatchedAt'],
        dispatchedBy: warehouseWorker.subject,
      });
    });

    it('shows status, carrier and tracking number in GET /shipments?orderId=', async () => {
      const { orderId, shipmentId } = await aShipment();
      await warehouse.walk(shipmentId, 'dispatch', { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });

      expect(await warehouse.shipmentsOf(orderId)).toEqual([
        expect.objectContaining({ shipmentId, status: 'dispatched', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', deliveredAt: null }),
      ]);
    });

    it('deducts the reserved units from on-hand stock at dispatch', async () => {
      const { sku, shipmentId } = await aShipment(10, 3);
      await warehouse.walk(shipmentId, 'pack');
      expect(await warehouse.level(sku)).toEqual({ sku, onHand: 10, reserved: 3, available: 7 });

      await warehouse.step(shipmentId, 'dispatch', { carrier: 'DHL', trackingNumber: 'JD1' });

      expect(await warehouse.level(sku)).toEqual({ sku, onHand: 7, reserved: 0, available: 7 });
      expect(await fulfillment.count(`reservations WHERE status = 'shipped' AND lines @> $1::jsonb`, [JSON.stringify([{ sku, quantity: 3 }])])).toBe(1);
    });

    it('deducts once when two dispatches of one shipment race: one wins, the other answers 409', async () => {
      const { sku, shipmentId } = await aShipment(10, 3);
      await warehouse.walk(shipmentId, 'pack');

      const answers = await Promise.all([
        warehouse.step(shipmentId, 'dispatch', { carrier: 'DHL', trackingNumber: 'A' }),
        warehouse.step(shipmentId, 'dispatch', { carrier: 'UPS', trackingNumber: 'B' }),
      ]);

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(await warehouse.level(sku)).toEqual({ sku, onHand: 7, reserved: 0, available: 7 });
      expect(await fulfillment.count(`outbox WHERE event_type = $1 AND message_key = $2`, [ShipmentDispatchedV1.wireType, shipmentId])).toBe(1);
    });

    it.each([
      ['packed before it is picked', [], 'pack'],
      ['dispatched before it is packed', ['pick'], 'dispatch'],
      ['delivered before it is dispatched', ['pick', 'pack'], 'deliver'],
    ] as const)('refuses to be %s with 409 shipment_step_skipped', async (_case, before, step) => {
      const { sku, shipmentId } = await aShipment(10, 3);
      for (const done of before) await warehouse.step(shipmentId, done);

      expectProblem(await warehouse.step(shipmentId, step, step === 'dispatch' ? { carrier: 'DHL', trackingNumber: 'JD1' } : undefined), 409, 'shipment_step_skipped');

      expect(await warehouse.level(sku)).toMatchObject({ onHand: 10, reserved: 3 });
    });

    it.each(['pick', 'pack', 'dispatch', 'deliver'] as const)('refuses to be %sed twice with 409 shipment_step_already_done', async (step: WarehouseStep) => {
      const { sku, shipmentId } = await aShipment(10, 3);
      await warehouse.walk(shipmentId, step);
      const stockAfter = await warehouse.level(sku);

      expectProblem(await warehouse.step(shipmentId, step, step === 'dispatch' ? { carrier: 'DHL', trackingNumber: 'JD2' } : undefined), 409, 'shipment_step_already_done');

      expect(await warehouse.level(sku)).toEqual(stockAfter);
    });

    it('refuses to pick a shipment whose order Checkout has not confirmed with 409 order_not_confirmed, and picks it once the confirmation is read', async () => {
      const { orderId, shipmentId } = await anUnconfirmedShipment();

      expectProblem(await warehouse.step(shipmentId, 'pick'), 409, 'order_not_confirmed');
      expect(await warehouse.shipmentsOf(orderId)).toEqual([expect.objectContaining({ status: 'created', releasedAt: null, pickedAt: null })]);

      await fulfillment.send(Topics.checkoutOrders, kafkaMessage(anOrderConfirmation(orderId)));
      const released = await warehouse.oneShipmentOf(orderId, 'created', 'released');
      expect(Date.parse(released.releasedAt!)).toBeGreaterThanOrEqual(Date.parse(released['createdAt'] as string));

      expect((await warehouse.step(shipmentId, 'pick')).body).toMatchObject({ status: 'picked', releasedAt: released.releasedAt });
    });

    it('refuses every step on a cancelled shipment with 409 shipment_cancelled', async () => {
      const { orderId, shipmentId } = await aShipment();
      await fulfillment.send(Topics.checkoutOrders, kafkaMessage(anEvent(OrderCancelledV1, { data: { orderId, reason: 'buyer_cancelled' } })));
      await warehouse.oneShipmentOf(orderId, 'cancelled');

      expectProblem(await warehouse.step(shipmentId, 'pick'), 409, 'shipment_cancelled');
    });

    it('answers 404 shipment_not_found for an unknown shipment, and 400 for an id that is not a UUID', async () => {
      expectProblem(await warehouse.step(randomUUID(), 'pick'), 404, 'shipment_not_found');
      expectProblem(await fulfillment.get(`/shipments/${randomUUID()}`), 404, 'shipment_not_found');
      expectProblem(await warehouse.step('shipment-1', 'pick'), 400, 'invalid_request');
    });

    it.each([
      ['without a carrier', { trackingNumber: 'JD1' }],
      ['with a blank tracking number', { carrier: 'DHL', trackingNumber: '  ' }],
      ['with an unknown field', { carrier: 'DHL', trackingNumber: 'JD1', weight: 2 }],
      ['without a body', undefined],
    ])('refuses a dispatch %s with 400, dispatching nothing', async (_case, body) => {
      const { shipmentId } = await aShipment();
      await warehouse.walk(shipmentId, 'pack');

      const answer = await warehouse.step(shipmentId, 'dispatch', body);

      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect((await fulfillment.get(`/shipments/${shipmentId}`)).body).toMatchObject({ status: 'packed' });
    });
  });

  describe('GET /shipments', () => {
    it.each([
      ['without an orderId', '/shipments'],
      ['with an orderId that is not a UUID', '/shipments?orderId=order-1'],
    ])('answers 400 invalid_request %s', async (_case, path) => {
      const answer = await fulfillment.get(path);

      expectProblem(answer, 400, 'invalid_request');
      expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ path: 'orderId' })] });
    });

    it('answers an empty list for an order without shipments', async () => {
      expect(await warehouse.shipmentsOf(randomUUID())).toEqual([]);
    });
  });

  it('documents its routes in the OpenAPI description', async () => {
    const document = await fulfillment.get<{ paths: Record<string, Record<string, unknown>> }>('/docs/openapi.json');

    expect(document.body.paths['/shipments']).toMatchObject({ get: { parameters: [expect.objectContaining({ name: 'orderId', in: 'query', required: true })] } });
    expect(Object.keys(document.body.paths['/stock/{sku}'] ?? {}).sort()).toEqual(['get', 'put']);
    for (const step of ['pick', 'pack', 'dispatch', 'deliver']) {
      expect(document.body.paths[`/shipments/{shipmentId}/${step}`]).toMatchObject({
        post: { responses: expect.objectContaining({ 200: expect.anything(), 404: expect.anything(), 409: expect.anything() }) },
      });
    }
  });
});
