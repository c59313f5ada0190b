import { describeAccessMatrix, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { fulfillmentService } from '../fulfillment.service';
import { aPaidOrder, aSku, Warehouse } from '../testing/warehouse';

jest.setTimeout(180_000);

describe('Fulfillment: who may call what (real tokens over HTTP, real PostgreSQL and Kafka)', () => {
  let fulfillment: ServiceUnderTest;
  const sku = aSku('MATRIX');
  let orderId: string;
  let shipmentId: string;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService);
    const warehouse = new Warehouse(fulfillment);
    await warehouse.stock(sku, 10);
    const paid = aPaidOrder({ [sku]: 1 });
    orderId = paid.data.orderId;
    shipmentId = (await warehouse.releasedShipmentFor(paid)).shipmentId;
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  describeAccessMatrix(
    () => fulfillment,
    [
      { route: 'PUT /stock/:sku', allowed: ['warehouse'], request: () => ({ path: `/stock/${sku}`, body: { onHand: 10 } }) },
      { route: 'GET /stock/:sku', allowed: ['warehouse'], request: () => ({ path: `/stock/${sku}` }) },
      { route: 'GET /shipments', allowed: ['warehouse', 'support'], request: () => ({ path: `/shipments?orderId=${orderId}` }) },
      { route: 'GET /shipments/:shipmentId', allowed: ['warehouse', 'support'], request: () => ({ path: `/shipments/${shipmentId}` }) },
      { route: 'POST /shipments/:shipmentId/pick', allowed: ['warehouse'], request: () => ({ path: `/shipments/${shipmentId}/pick` }) },
      { route: 'POST /shipments/:shipmentId/pack', allowed: ['warehouse'], request: () => ({ path: `/shipments/${shipmentId}/pack` }) },
      {
        route: 'POST /shipments/:shipmentId/dispatch',
        allowed: ['warehouse'],
        request: () => ({ path: `/shipments/${shipmentId}/dispatch`, body: { carrier: 'DHL', trackingNumber: 'JD014600006281234567' } }),
      },
      { route: 'POST /shipments/:shipmentId/deliver', allowed: ['warehouse'], request: () => ({ path: `/shipments/${shipmentId}/deliver` }) },
    ],
  );

  it('stamps each step with the warehouse worker who recorded it', async () => {
    const shipment = await fulfillment.get(`/shipments/${shipmentId}`);

    expect(shipment.body).toMatchObject({
      status: 'delivered',
      pickedBy: 'matrix-warehouse',
      packedBy: 'matrix-warehouse',
      dispatchedBy: 'matrix-warehouse',
      deliveredBy: 'matrix-warehouse',
    });
  });
});
