import { randomUUID } from 'node:crypto';
import { CartCheckedOutV1, EventHeaders, RevenueDeferredV1, ShipmentCreatedV1 } from '@bazaar/published-language';
import { anEvent, kafkaMessage, recordedExample } from './recorded-events';

describe('events built from the recorded examples', () => {
  it('are valid by their contract and about new things every time', () => {
    const first = anEvent(ShipmentCreatedV1);
    const second = anEvent(ShipmentCreatedV1);

    expect(() => ShipmentCreatedV1.parse(first)).not.toThrow();
    expect(second.id).not.toBe(first.id);
    expect(second.data.shipmentId).not.toBe(first.data.shipmentId);
    expect(first.correlationId).not.toBe(recordedExample(ShipmentCreatedV1).correlationId);
  });

  it("keep the relations between the example's ids", () => {
    const event = anEvent(ShipmentCreatedV1);

    expect(event.aggregateId).toBe(event.data.shipmentId);
    expect(event.data).toMatchObject({ lines: recordedExample(ShipmentCreatedV1).data.lines, status: 'created' });
  });

  it('put an id given in the data wherever the example had the id it replaces', () => {
    const orderId = randomUUID();

    expect(anEvent(CartCheckedOutV1, { data: { orderId } })).toMatchObject({ aggregateId: orderId, data: { orderId } });
    expect(anEvent(RevenueDeferredV1, { data: { orderId } })).toMatchObject({ aggregateId: orderId, data: { orderId } });
    expect(anEvent(ShipmentCreatedV1, { data: { orderId } }).data.orderId).toBe(orderId);
  });

  it('take other overrides as given', () => {
    const event = anEvent(CartCheckedOutV1, { producer: 'someone-else', data: { total: { amount: 1, currency: 'GBP' } } });

    expect(event.producer).toBe('someone-else');
    expect(event.data.total).toEqual({ amount: 1, currency: 'GBP' });
  });

  it('travel as the outbox relay sends them: keyed by aggregate, with the routing headers', () => {
    const event = anEvent(ShipmentCreatedV1);

    expect(kafkaMessage(event)).toEqual({
      key: event.aggregateId,
      value: JSON.stringify(event),
      headers: {
        [EventHeaders.id]: event.id,
        [EventHeaders.type]: 'fulfillment.shipment-created.v1',
        [EventHeaders.producer]: 'fulfillment',
        [EventHeaders.correlationId]: event.correlationId,
        [EventHeaders.causationId]: event.causationId,
        [EventHeaders.traceparent]: event.traceparent,
      },
    });
  });
});
