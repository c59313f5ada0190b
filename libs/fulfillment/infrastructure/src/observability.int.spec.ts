import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MetricSample, scrapeMetrics, ServiceUnderTest, sumOf } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage } from '@bazaar/platform-testing';
import { EventHeaders, PaymentAuthorizedV1, Topics } from '@bazaar/published-language';
import { fulfillmentService } from './fulfillment.service';

/**
 * Every metric family of docs/operations.md moves when its thing happens, read from the real
 * service's `GET /metrics` (Fulfillment: HTTP, an outbox, a consumer of checkout.orders).
 */
describe('Fulfillment’s metrics', () => {
  let fulfillment: ServiceUnderTest;
  const scrape = () => scrapeMetrics(fulfillment.instances[0]!);
  const ordersTopic = () => fulfillment.namespace.topic(Topics.checkoutOrders);
  const shipmentsOf = async (orderId: string) => (await fulfillment.get<{ shipments: unknown[] }>(`/shipments?orderId=${orderId}`)).body.shipments;
  const aPaymentAuthorized = (orderId: string = randomUUID()) => anEvent(PaymentAuthorizedV1, { data: { orderId } });
  /** A value that satisfies `expectation` once the service has caught up with what the spec did. */
  const whenScraped = (read: (samples: MetricSample[]) => number, expectation: (value: number) => void) =>
    eventually(async () => {
      const value = read(await scrape());
      expectation(value);
      return value;
    });

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService, {
      // A failing handler is retried quickly and for long enough to watch the partition wait.
      env: { CONSUMER_MAX_ATTEMPTS: '50', CONSUMER_INITIAL_BACKOFF_MS: '50', CONSUMER_MAX_BACKOFF_MS: '200' },
    });
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  it('serves Prometheus’ text format with the process and Node.js metrics, labelled with the service', async () => {
    const samples = await scrape();
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes', 'process_cpu_seconds_total']) {
      expect(samples).toContainEqual(expect.objectContaining({ name, labels: expect.objectContaining({ service: 'fulfillment' }) }));
    }
  });

  it('counts HTTP requests by method, route template and status', async () => {
    const requests = (samples: MetricSample[], status: string) =>
      sumOf(samples, 'http_server_request_duration_seconds_count', { method: 'GET', route: '/shipments', status_code: status });
    const before = await scrape();

    await shipmentsOf(randomUUID());
    await fulfillment.get('/shipments?orderId=not-a-uuid');

    const after = await whenScraped(
      (samples) => requests(samples, '200'),
      (value) => expect(value).toBe(requests(before, '200') + 1),
    );
    expect(after).toBeGreaterThan(0);
    expect(requests(await scrape(), '400')).toBe(requests(before, '400') + 1);
    // The raw URL (with its query) is never a label value.
    expect((await scrape()).filter((sample) => sample.labels['route']?.includes('?'))).toEqual([]);
  });

  it('counts handler runs by event type and the outbox’s publications by topic, and reports the lag caught up', async () => {
    const handled = (samples: MetricSample[]) => sumOf(samples, 'bazaar_consumer_handler_duration_seconds_count', { event_type: PaymentAuthorizedV1.wireType, outcome: 'handled' });
    // What Fulfillment publishes about a paid order (a reservation's outcome, a shipment) goes through its outbox.
    const published = (samples: MetricSample[]) => sumOf(samples, 'bazaar_outbox_published_total');
    const before = await scrape();

    const authorized = aPaymentAuthorized();
    await fulfillment.consumedPast(await fulfillment.send(Topics.checkoutOrders, kafkaMessage(authorized)));

    await whenScraped(handled, (value) => expect(value).toBeGreaterThanOrEqual(handled(before) + 1));
    await whenScraped(published, (value) => expect(value).toBeGreaterThanOrEqual(published(before) + 1));
    const samples = await scrape();
    const ownTopics = [Topics.fulfillmentShipments, Topics.fulfillmentReservations].map((topic) => fulfillment.namespace.topic(topic));
    expect(samples.filter((sample) => sample.name === 'bazaar_outbox_published_total' && !ownTopics.includes(sample.labels['topic'] ?? ''))).toEqual([]);
    expect(sumOf(samples, 'bazaar_consumer_lag_messages', { group: fulfillment.consumerGroup, topic: ordersTopic() })).toBe(0);
    expect(samples).toContainEqual(expect.objectContaining({ name: 'bazaar_outbox_backlog_messages', value: 0 }));
  });

  it('counts a dead-lettered message by source topic and error type', async () => {
    const deadLettered = (samples: MetricSample[]) => sumOf(samples, 'bazaar_dead_letters_total', { topic: ordersTopic(), error_type: 'MalformedMessage' });
    const before = deadLettered(await scrape());

    const key = randomUUID();
    await fulfillment.send(Topics.checkoutOrders, { key, value: '{ not json', headers: { [EventHeaders.type]: PaymentAuthorizedV1.wireType } });
    await fulfillment.deadLetters.waitFor((letter) => letter.key === key);

    await whenScraped(deadLettered, (value) => expect(value).toBe(before + 1));
  });

  describe('while a partition’s head message keeps failing', () => {
    let sql: Client;

    beforeAll(async () => {
      // The owner's: setting the database's lock_timeout is the owner's to do, not the service's role.
      sql = new Client(fulfillment.database.ownerUrl);
      await sql.connect();
    });

    afterAll(async () => {
      await sql?.end();
    });

    it('reports the lag behind it, counts the retries and the stalled partition, and clears both once it succeeds', async () => {
      // A lock held by the spec makes every handler transaction fail after 200 ms (a transient error).
      await fulfillment.stopInstances();
      await sql.query(`ALTER DATABASE "${fulfillment.database.name}" SET lock_timeout = '200ms'`);
      await sql.query('BEGIN');
      await sql.query('LOCK TABLE inbox IN EXCLUSIVE MODE');
      const sameKey = randomUUID();
      for (let i = 0; i < 5; i++) await fulfillment.send(Topics.checkoutOrders, { ...kafkaMessage(aPaymentAuthorized()), key: sameKey });
      await fulfillment.startInstance();

      const group = { group: fulfillment.consumerGroup, topic: ordersTopic() };
      await whenScraped(
        (samples) => sumOf(samples, 'bazaar_consumer_stalled_partitions', group),
        (value) => expect(value).toBe(1),
      );
      const during = await scrape();
      expect(sumOf(during, 'bazaar_consumer_lag_messages', group)).toBe(5);
      expect(sumOf(during, 'bazaar_consumer_retries_total', { topic: ordersTopic() })).toBeGreaterThan(0);
      expect(sumOf(during, 'bazaar_consumer_handler_duration_seconds_count', { outcome: 'failed' })).toBeGreaterThan(0);

      await sql.query('ROLLBACK');
      await whenScraped(
        (samples) => sumOf(samples, 'bazaar_consumer_lag_messages', group),
        (value) => expect(value).toBe(0),
      );
      expect(sumOf(await scrape(), 'bazaar_consumer_stalled_partitions', group)).toBe(0);
    });

    it('reads the outbox backlog and the age of its oldest row on scrape', async () => {
      // Holding the relay's advisory lock (PlatformModule's lockKey) is what another publishing
      // replica does: this one publishes nothing meanwhile, so a row a minute old stays unpublished.
      await sql.query('SELECT pg_advisory_lock(727100)');
      try {
        const [row] = (
          await sql.query<{ position: string }>(
            `INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers, created_at)
             VALUES ($1, 'nowhere', 'key', 'spec.stuck.v1', '{}', '{}', now() - interval '60 seconds') RETURNING position`,
            [randomUUID()],
          )
        ).rows;
        const samples = await scrape();
        expect(sumOf(samples, 'bazaar_outbox_backlog_messages')).toBe(1);
        expect(sumOf(samples, 'bazaar_outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(60);
        await sql.query('DELETE FROM outbox WHERE position = $1', [row!.position]);
      } finally {
        await sql.query('SELECT pg_advisory_unlock(727100)');
      }
      const after = await scrape();
      expect(sumOf(after, 'bazaar_outbox_backlog_messages')).toBe(0);
      expect(sumOf(after, 'bazaar_outbox_oldest_unpublished_age_seconds')).toBe(0);
    });
  });
});
