import { ShipmentCancelledV1, ShipmentCreatedV1 } from '@bazaar/published-language';
import { toPublishedEvents } from './published-events';

describe('Fulfillment\'s published events', () => {
  it('publishes ShipmentCreated as fulfillment.shipment-created.v1, keyed by the shipment', () => {
    const occurredAt = new Date('2026-11-21T09:30:00.120Z');
    const [published] = toPublishedEvents([
      {
        type: 'ShipmentCreated',
        shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab',
        orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
        lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
        occurredAt,
      },
    ]);

    expect(published).toEqual({
      contract: ShipmentCreatedV1,
      aggregateId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      occurredAt,
      data: {
        shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab',
        orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
        lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
        status: 'created',
        createdAt: '2026-11-21T09:30:00.120Z',
      },
    });
    expect(() => ShipmentCreatedV1.schema.parse(published!.data)).not.toThrow();
  });

  it('publishes ShipmentCancelled as fulfillment.shipment-cancelled.v1, keyed by the shipment', () => {
    const occurredAt = new Date('2026-11-21T09:31:00.080Z');
    const [published] = toPublishedEvents([
      { type: 'ShipmentCancelled', shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab', orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f', occurredAt },
    ]);

    expect(published).toEqual({
      contract: ShipmentCancelledV1,
      aggregateId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      occurredAt,
      data: {
        shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab',
        orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
        status: 'cancelled',
        cancelledAt: '2026-11-21T09:31:00.080Z',
      },
    });
    expect(() => ShipmentCancelledV1.schema.parse(published!.data)).not.toThrow();
  });
});
