import { recordedExample } from '@bazaar/platform-testing';
import { ShipmentDispatchedV1 } from '@bazaar/published-language';
import { revenueRecognitionFor } from './fulfillment-translation';

describe('Fulfillment → Finance translation', () => {
  it('recognizes the revenue of the order a dispatched shipment names, leaving the carrier and tracking behind', () => {
    const { data } = recordedExample(ShipmentDispatchedV1);

    expect(revenueRecognitionFor(data)).toEqual({
      orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
      shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      dispatchedAt: new Date('2026-11-22T14:00:00.000Z'),
    });
  });

  it('reads a dispatch time sent with an offset as the same instant', () => {
    const { data } = recordedExample(ShipmentDispatchedV1);

    expect(revenueRecognitionFor({ ...data, dispatchedAt: '2026-11-22T15:00:00.000+01:00' }).dispatchedAt).toEqual(new Date('2026-11-22T14:00:00.000Z'));
  });
});
