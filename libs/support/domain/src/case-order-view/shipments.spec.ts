import { laterStatus, shipmentLifecycle, withShipmentUpdate } from './shipments';

describe('shipments in the support view', () => {
  it('lets a status only move forward in the lifecycle, whichever fact arrives first', () => {
    expect(laterStatus('dispatched', 'created')).toBe('dispatched');
    expect(laterStatus('created', 'dispatched')).toBe('dispatched');
    for (const status of shipmentLifecycle) expect(laterStatus(status, status)).toBe(status);
  });

  it('keeps a cancelled shipment cancelled, whatever status is seen with it', () => {
    for (const status of shipmentLifecycle) {
      expect(laterStatus('cancelled', status)).toBe('cancelled');
      expect(laterStatus(status, 'cancelled')).toBe('cancelled');
    }
  });

  it('keeps a later status when the creation fact arrives last, and takes its lines and time', () => {
    const dispatchedFirst = withShipmentUpdate([], {
      shipmentId: 'shp-1',
      status: 'dispatched',
      carrier: 'DHL',
      trackingNumber: 'JD014600006281234567',
      dispatchedAt: '2026-11-22T14:00:00.000Z',
    });

    const merged = withShipmentUpdate(dispatchedFirst, {
      shipmentId: 'shp-1',
      status: 'created',
      lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
      createdAt: '2026-11-21T09:30:00.120Z',
    });

    expect(merged).toEqual([
      {
        shipmentId: 'shp-1',
        status: 'dispatched',
        lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
        createdAt: '2026-11-21T09:30:00.120Z',
        pickedAt: null,
        packedAt: null,
        carrier: 'DHL',
        trackingNumber: 'JD014600006281234567',
        dispatchedAt: '2026-11-22T14:00:00.000Z',
        deliveredAt: null,
        cancelledAt: null,
      },
    ]);
  });

  it("keeps each step's time whichever step is seen first, the status at the furthest step", () => {
    const deliveredFirst = withShipmentUpdate([], { shipmentId: 'shp-1', status: 'delivered', deliveredAt: '2026-11-23T16:20:00.000Z' });
    const thenPicked = withShipmentUpdate(deliveredFirst, { shipmentId: 'shp-1', status: 'picked', pickedAt: '2026-11-22T09:15:00.000Z' });
    const thenPacked = withShipmentUpdate(thenPicked, { shipmentId: 'shp-1', status: 'packed', packedAt: '2026-11-22T11:40:00.000Z' });

    expect(thenPacked).toEqual([
      expect.objectContaining({ status: 'delivered', pickedAt: '2026-11-22T09:15:00.000Z', packedAt: '2026-11-22T11:40:00.000Z', deliveredAt: '2026-11-23T16:20:00.000Z' }),
    ]);
  });

  it('lists shipments by creation time, those not yet seen created last', () => {
    let shipments = withShipmentUpdate([], { shipmentId: 'shp-late', status: 'picked' });
    shipments = withShipmentUpdate(shipments, { shipmentId: 'shp-b', status: 'created', lines: [], createdAt: '2026-11-21T10:00:00.000Z' });
    shipments = withShipmentUpdate(shipments, { shipmentId: 'shp-a', status: 'created', lines: [], createdAt: '2026-11-21T09:00:00.000Z' });

    expect(shipments.map((shipment) => shipment.shipmentId)).toEqual(['shp-a', 'shp-b', 'shp-late']);
  });
});
