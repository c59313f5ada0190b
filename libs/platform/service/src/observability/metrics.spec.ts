import { ConsumerStatus } from '@bazaar/platform-messaging';
import { parseExposition, sumOf } from '../testing/metrics';
import { exportedSeriesNames, scrapeMetricNames } from './metric-catalog';
import { ServiceMetrics } from './metrics';

describe('ServiceMetrics', () => {
  const scrape = async (metrics: ServiceMetrics) => parseExposition((await metrics.exposition()).body);

  it('exports every metric of the catalog and the runtime metrics the rules and dashboard use, labelled with the service', async () => {
    const metrics = new ServiceMetrics('fulfillment', 'fulfillment');
    metrics.readOutboxFrom(async () => ({ backlog: 0, oldestAgeSeconds: 0 }));
    metrics.readConsumerFrom(new ConsumerStatus('fulfillment')).stalledOn(stall('checkout.orders', 0));
    // Touch every labelled family once so each has a series.
    metrics.httpRequest('GET', '/shipments', 200, 0.01);
    metrics.published('fulfillment.shipments', 1);
    metrics.positionAdvanced('checkout.orders', 0, '9', '10');
    metrics.handlerRan({ topic: 'checkout.orders', partition: 0, eventType: 'checkout.payment-authorized.v1', outcome: 'handled', seconds: 0.02 });
    metrics.retrying('checkout.orders', 0, new Error('boom'));
    metrics.deadLettered('checkout.orders', 0, new Error('boom'));
    metrics.rateLimited('write');
    metrics.rateLimitFailedOpen('read');
    metrics.periodicTaskRan('subscription renewal', 'failed');

    const samples = await scrape(metrics);
    const names = new Set(samples.map((sample) => sample.name));
    const expected = [...exportedSeriesNames()].filter((name) => !scrapeMetricNames.includes(name));
    expect(expected.filter((name) => !names.has(name))).toEqual([]);
    expect(samples.filter((sample) => sample.labels['service'] !== 'fulfillment')).toEqual([]);
  });

  it('reports the lag as the messages after the position: high watermark minus the next offset', async () => {
    const metrics = new ServiceMetrics('support', 'support');
    metrics.positionAdvanced('checkout.orders', 2, '41', '50');
    metrics.positionAdvanced('checkout.orders', 3, '9', '10');
    const samples = await scrape(metrics);
    expect(sumOf(samples, 'bazaar_consumer_lag_messages', { group: 'support', topic: 'checkout.orders', partition: '2' })).toBe(8);
    expect(sumOf(samples, 'bazaar_consumer_lag_messages', { partition: '3' })).toBe(0);
  });

  it('counts the partitions the consumer status has stalled, per topic, as they are when scraped', async () => {
    const metrics = new ServiceMetrics('checkout', 'checkout');
    const status = metrics.readConsumerFrom(new ConsumerStatus('checkout'));
    const stalled = async (topic: string) => sumOf(await scrape(metrics), 'bazaar_consumer_stalled_partitions', { group: 'checkout', topic });
    status.stalledOn(stall('fulfillment.reservations', 0));
    status.stalledOn(stall('fulfillment.reservations', 0));
    status.stalledOn(stall('fulfillment.reservations', 4));
    status.stalledOn(stall('fulfillment.shipments', 1));
    expect(await stalled('fulfillment.reservations')).toBe(2);
    expect(await stalled('fulfillment.shipments')).toBe(1);
    status.moving('fulfillment.reservations', 0);
    status.moving('fulfillment.shipments', 1);
    expect(await stalled('fulfillment.reservations')).toBe(1);
    expect(await stalled('fulfillment.shipments')).toBe(0);
  });

  it('counts retries and dead letters by topic and error type', async () => {
    const metrics = new ServiceMetrics('checkout', 'checkout');
    metrics.retrying('fulfillment.reservations', 0, new Error('db down'));
    metrics.retrying('fulfillment.reservations', 0, new Error('db down'));
    metrics.deadLettered('fulfillment.reservations', 4, new TypeError('bad'));
    const samples = await scrape(metrics);
    expect(sumOf(samples, 'bazaar_consumer_retries_total', { topic: 'fulfillment.reservations', error_type: 'Error' })).toBe(2);
    expect(sumOf(samples, 'bazaar_dead_letters_total', { topic: 'fulfillment.reservations', error_type: 'TypeError' })).toBe(1);
  });
});

function stall(topic: string, partition: number) {
  return { topic, partition, offset: '7', errorClass: 'database_unavailable' as const, error: 'db down', attempts: 1, nextAttemptAt: new Date(0) };
}
