import { ReservationEvent, ShipmentEvent } from '@bazaar/fulfillment-domain';
import { recordedExample } from '@bazaar/platform-testing';
import {
  EventContract,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  ShipmentPackedV1,
  ShipmentPickedV1,
} from '@bazaar/published-language';
import { publishedReservationEvents, publishedShipmentEvents } from './published-events';

const shipmentId = 'c0ffee00-1234-4abc-8def-0123456789ab';
const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const at = (contract: EventContract<unknown>) => new Date(recordedExample(contract).occurredAt);
const about = { shipmentId, orderId };

describe("Fulfillment's published events", () => {
  /** Each domain event and the contract it is published as: its data must be the recorded example's. */
  const shipmentEvents: [ShipmentEvent, EventContract<unknown>][] = [
    [
      {
        type: 'ShipmentCreated',
        ...about,
        lines: [
          { sku: 'MUG-BLUE', quantity: 2 },
          { sku: 'TEA-EARL', quantity: 1 },
        ],
        occurredAt: at(ShipmentCreatedV1),
      },
      ShipmentCreatedV1,
    ],
    [{ type: 'ShipmentPicked', ...about, by: 'warehouse-7', occurredAt: at(ShipmentPickedV1) }, ShipmentPickedV1],
    [{ type: 'ShipmentPacked', ...about, by: 'warehouse-7', occurredAt: at(ShipmentPackedV1) }, ShipmentPackedV1],
    [
      { type: 'ShipmentDispatched', ...about, by: 'warehouse-7', carrier: 'DHL', trackingNumber: 'JD014600006281234567', occurredAt: at(ShipmentDispatchedV1) },
      ShipmentDispatchedV1,
    ],
    [{ type: 'ShipmentDelivered', ...about, by: 'warehouse-7', occurredAt: at(ShipmentDeliveredV1) }, ShipmentDeliveredV1],
    [{ type: 'ShipmentCancelled', ...about, occurredAt: at(ShipmentCancelledV1) }, ShipmentCancelledV1],
  ];

  it.each(shipmentEvents.map(([event, contract]) => [event.type, contract.wireType, event, contract] as const))(
    'publishes %s as %s, keyed by the shipment, with the data of its recorded example',
    (_type, _wire, event, contract) => {
      const [published] = publishedShipmentEvents([event]);

      expect(published).toEqual({ contract, aggregateId: shipmentId, occurredAt: event.occurredAt, data: recordedExample(contract).data });
    },
  );

  it('leaves the author out of a step whose author is not known', () => {
    const [picked] = publishedShipmentEvents([{ type: 'ShipmentPicked', ...about, by: null, occurredAt: at(ShipmentPickedV1) }]);

    expect(picked!.data).toEqual({ shipmentId, orderId, pickedAt: '2026-11-22T09:15:00.000Z' });
    expect(() => ShipmentPickedV1.schema.parse(picked!.data)).not.toThrow();
  });

  const reservationEvents: [ReservationEvent, EventContract<unknown>][] = [
    [
      {
        type: 'InventoryReserved',
        orderId,
        lines: [
          { sku: 'MUG-BLUE', quantity: 2 },
          { sku: 'TEA-EARL', quantity: 1 },
        ],
        occurredAt: at(InventoryReservedV1),
      },
      InventoryReservedV1,
    ],
    [
      {
        type: 'InventoryReservationFailed',
        orderId,
        unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'not_stocked' }],
        occurredAt: at(InventoryReservationFailedV1),
      },
      InventoryReservationFailedV1,
    ],
  ];

  it.each(reservationEvents.map(([event, contract]) => [event.type, contract.wireType, event, contract] as const))(
    'publishes %s as %s, keyed by the order (what Checkout waits for), with the data of its recorded example',
    (_type, _wire, event, contract) => {
      const [published] = publishedReservationEvents([event]);

      expect(published).toEqual({ contract, aggregateId: orderId, occurredAt: event.occurredAt, data: recordedExample(contract).data });
    },
  );
});
