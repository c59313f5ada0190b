import { readFileSync } from 'node:fs';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Consumer } from 'kafkajs';
import { Client } from 'pg';
import { serviceConfigSchema, startService } from '@bazaar/platform-service';
import { request } from '@bazaar/platform-service/testing';
import { createTestDatabase, eventually, startTlsSandbox, TestDatabase, testAudience, TestIssuer, testIssuer, TlsSandbox } from '@bazaar/platform-testing';
import { deadLetterTopic, EventHeaders, Topics } from '@bazaar/published-language';
import { checkoutService } from './checkout.service';

jest.setTimeout(180_000);

/** The URL without its query: the service's TLS must come from DATABASE_SSL_MODE, not from the URL. */
const bare = (url: string) => {
  const plain = new URL(url);
  plain.search = '';
  return plain.toString();
};

/**
 * Checkout with both of its connections over TLS: a throw-away PostgreSQL that refuses anything
 * else, and a broker whose only listener is TLS 1.3, both on their own ports with certificates from a
 * CA made for the run. The service verifies both (verify-full, a pinned CA), migrates as the owner,
 * serves as the runtime role, and its event reaches the topic.
 */
describe('Checkout over TLS to PostgreSQL and Kafka', () => {
  let sandbox: TlsSandbox;
  let issuer: TestIssuer;
  let database: TestDatabase;
  let app: NestFastifyApplication | undefined;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    sandbox = await startTlsSandbox();
    issuer = await testIssuer();
    const admin = new URL(sandbox.postgresAdminUrl);
    admin.searchParams.set('sslmode', 'verify-full');
    admin.searchParams.set('sslrootcert', sandbox.caFile);
    database = await createTestDatabase('bazaar_tls', admin.toString());
    const kafkaAdmin = sandbox.kafka().admin();
    await kafkaAdmin.connect();
    await kafkaAdmin.createTopics({
      waitForLeaders: true,
      topics: [Topics.checkoutOrders, Topics.checkoutBuyerKeys, Topics.fulfillmentReservations, Topics.fulfillmentShipments, deadLetterTopic('checkout')].map((topic) => ({
        topic,
        numPartitions: 1,
      })),
    });
    await kafkaAdmin.disconnect();
  });

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sandbox?.stop();
    await issuer?.stop();
  });

  it('refuses a connection without TLS', async () => {
    const plain = new Client({ connectionString: bare(database.url), ssl: false });
    await expect(plain.connect()).rejects.toThrow(/no encryption|pg_hba/);
  });

  it('places an order and publishes its event, with TLS 1.3 on every database connection and the broker', async () => {
    const config = serviceConfigSchema({ name: 'checkout', port: 0 }).parse({
      LOG_LEVEL: 'error',
      DATABASE_URL: bare(database.url),
      DATABASE_MIGRATION_URL: bare(database.ownerUrl),
      DATABASE_SSL_MODE: 'verify-full',
      DATABASE_SSL_CA_FILE: sandbox.caFile,
      DATABASE_POOL_SIZE: '3',
      KAFKA_BROKERS: sandbox.kafkaBrokers.join(','),
      KAFKA_SSL_CA_FILE: sandbox.caFile,
      OUTBOX_POLL_INTERVAL_MS: '100',
      AUTH_ISSUER: issuer.url,
      AUTH_AUDIENCE: testAudience,
    });
    app = await startService(checkoutService(config));

    const placed = await request<{ orderId: string }>(app, '/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.token(['buyer'], 'buyer-tls')}` },
      body: JSON.stringify({
        buyerId: 'buyer-tls',
        lines: [{ sku: 'MUG-BLUE', quantity: 1, unitPrice: { amount: 1250, currency: 'EUR' } }],
        paymentToken: 'tok_ok',
        shippingAddress: { name: 'Grace Hopper', line1: '1 Navy Way', city: 'Arlington', postalCode: '22202', country: 'US' },
      }),
    });
    expect(placed.status).toBe(201);

    const seen: { type?: string; key?: string }[] = [];
    consumer = sandbox.kafka().consumer({ groupId: 'tls-journey' });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.checkoutOrders, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push({ type: message.headers?.[EventHeaders.type]?.toString(), key: message.key?.toString() }) });
    await eventually(() => expect(seen).toContainEqual({ type: 'checkout.cart-checked-out.v2', key: placed.body.orderId }), { timeoutMs: 30_000 });

    const observer = new Client({ connectionString: sandbox.postgresAdminUrl, ssl: { ca: readFileSync(sandbox.caFile, 'utf8') } });
    await observer.connect();
    try {
      const { rows } = await observer.query<{ usename: string; ssl: boolean; version: string }>(
        `SELECT a.usename, s.ssl, s.version FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.datname = $1 ORDER BY a.usename`,
        [database.name],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.ssl && row.version === 'TLSv1.3')).toBe(true);
      expect(new Set(rows.map((row) => row.usename))).toEqual(new Set([database.runtimeRole]));
    } finally {
      await observer.end();
    }
  });
});
