import { KafkaMessage } from 'kafkajs';
import { EventHeaders } from '@bazaar/published-language';
import { MalformedMessage, routeOf } from './incoming-message';

const message = (value: string | null, headers: Record<string, string>, key = 'buyer-42'): KafkaMessage =>
  ({ key: Buffer.from(key), value: value === null ? null : Buffer.from(value), headers, timestamp: '1795000000000', offset: '7', attributes: 0 }) as unknown as KafkaMessage;

describe('routing an incoming message', () => {
  const headers = {
    [EventHeaders.id]: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    [EventHeaders.type]: 'checkout.buyer-data-key.v1',
    [EventHeaders.producer]: 'checkout',
    [EventHeaders.correlationId]: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  };

  it('routes by the type header without reading the body', () => {
    expect(routeOf(message('{ not json', headers))).toEqual({ wireType: 'checkout.buyer-data-key.v1' });
  });

  it('routes a tombstone (no value) to its own pattern, with an envelope of its headers, its key and no data', () => {
    expect(routeOf(message(null, headers))).toEqual({
      wireType: 'checkout.buyer-data-key.v1.tombstone',
      envelope: {
        id: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        type: 'checkout.buyer-data-key',
        version: 1,
        occurredAt: new Date(1795000000000).toISOString(),
        producer: 'checkout',
        aggregateId: 'buyer-42',
        correlationId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        causationId: null,
        traceparent: null,
        tracestate: null,
        data: null,
      },
    });
  });

  it('refuses a tombstone without an event id or a versioned type as malformed', () => {
    expect(() => routeOf(message(null, { [EventHeaders.type]: 'checkout.buyer-data-key.v1' }))).toThrow(MalformedMessage);
    expect(() => routeOf(message(null, { ...headers, [EventHeaders.type]: 'checkout.buyer-data-key' }))).toThrow(MalformedMessage);
  });

  it('refuses a message with neither a type header nor a body', () => {
    expect(() => routeOf(message(null, {}))).toThrow(/empty body/);
  });
});
