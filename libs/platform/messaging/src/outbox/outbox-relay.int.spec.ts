import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, Transactions } from '@bazaar/platform-database';
import { EventHeaders } from '@bazaar/published-language';
import { createTestDatabase, createTestTopics, deleteTestTopics, eventually, TestDatabase, testKafka, TopicTap, uniqueName, withAdmin } from '@bazaar/platform-testing';
import { createRelayProducer } from '../kafka/kafka-client';
import { messagingMigrations } from '../messaging-migrations';
import { runInMessageContext } from '../message-context';
import { migratedDataSource, RecordingLogger, testContract } from '../testing/fixtures';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

interface Received {
  key: string;
  eventId: string;
  sequence: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

describe('OutboxRelay (real PostgreSQL and Kafka)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let kafka: Kafka;
  let topic: string;
  let tap: TopicTap;
  const received = (): Received[] =>
    tap.messages.map((message) => {
      const body = message.body as { id: string; data: { sequence: number } };
      return { key: message.key!, eventId: body.id, sequence: body.data.sequence, headers: message.headers, body: body as never };
    });
  const relays: OutboxRelay[] = [];
  const producers: { disconnect(): Promise<void> }[] = [];

  const outbox = new Outbox('platform-test');
  const contract = () => testContract(topic);

  async function startRelay(options: { pollIntervalMs?: number; source?: DataSource } = {}): Promise<OutboxRelay> {
    const producer = createRelayProducer(kafka);
    await producer.connect();
    producers.push(producer);
    const relay = new OutboxRelay({
      dataSource: options.source ?? dataSource,
      producer,
      lockKey: 4242,
      batchSize: 50,
      pollIntervalMs: options.pollIntervalMs ?? 200,
      retentionHours: 24,
      logger: new RecordingLogger(),
    });
    await relay.start();
    relays.push(relay);
    return relay;
  }

  async function append(thingId: string, sequences: number[]): Promise<void> {
    await new Transactions(dataSource).run((manager) =>
      outbox.append(
        manager,
        sequences.map((sequence) => ({ contract: contract(), data: { thingId, sequence }, aggregateId: thingId, occurredAt: new Date() })),
      ),
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await migratedDataSource(db);
    kafka = testKafka();
    [topic] = (await createTestTopics(kafka, ['platform.relay'], 3)) as [string];
    tap = await TopicTap.start(kafka, topic, uniqueName('relay-test'));
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await Promise.all(producers.splice(0).map((producer) => producer.disconnect()));
  });

  afterAll(async () => {
    await tap.stop();
    await dataSource.destroy();
    await db.drop();
    await deleteTestTopics(kafka, [topic]);
  });

  it('publishes committed events in order per aggregate, with the envelope in headers, and marks them published', async () => {
    await startRelay();
    const thing = randomUUID();
    await runInMessageContext({ correlationId: 'corr-1', causationId: 'cause-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: null }, () =>
      append(thing, [1, 2, 3, 4, 5]),
    );

    const mine = await eventually(() => {
      const events = received().filter((r) => r.key === thing);
      expect(events).toHaveLength(5);
      return events;
    });
    expect(mine.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(mine[0]!.headers[EventHeaders.type]).toBe('platform.thing-happened.v1');
    expect(mine[0]!.headers[EventHeaders.id]).toBe(mine[0]!.eventId);
    expect(mine[0]!.headers[EventHeaders.correlationId]).toBe('corr-1');
    expect(mine[0]!.headers[EventHeaders.causationId]).toBe('cause-1');
    expect(mine[0]!.headers[EventHeaders.traceparent]).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    await eventually(async () => {
      const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      expect(row.n).toBe(0);
    });
  });

  it('never publishes events of a transaction that rolled back', async () => {
    await startRelay();
    const rolledBack = randomUUID();
    const committed = randomUUID();
    await expect(
      new Transactions(dataSource).run(async (manager) => {
        await outbox.append(manager, [{ contract: contract(), data: { thingId: rolledBack, sequence: 1 }, aggregateId: rolledBack, occurredAt: new Date() }]);
        throw new Error('the aggregate could not be saved');
      }),
    ).rejects.toThrow('could not be saved');
    await append(committed, [1]);

    // The committed event was written after the rolled-back one, so once it arrives the other had its chance.
    await eventually(() => expect(received().some((r) => r.key === committed)).toBe(true));
    expect(received().some((r) => r.key === rolledBack)).toBe(false);
  });

  it('refuses an event whose data breaks its own contract, so nothing invalid is ever written', async () => {
    const thing = randomUUID();
    await expect(
      new Transactions(dataSource).run((manager) =>
        outbox.append(manager, [{ contract: contract(), data: { thingId: thing, sequence: 'one' } as never, aggregateId: thing, occurredAt: new Date() }]),
      ),
    ).rejects.toThrow();
    const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = $1', [thing]);
    expect(row.n).toBe(0);
  });

  describe('woken by its own process, not by polling', () => {
    const NEVER_POLLS = 600_000;
    const events = (thing: string, sequences: number[]) =>
      sequences.map((sequence) => ({ contract: contract(), data: { thingId: thing, sequence }, aggregateId: thing, occurredAt: new Date() }));
    const sequencesOf = (thing: string) =>
      received()
        .filter((r) => r.key === thing)
        .map((r) => r.sequence);

    it('publishes events as soon as the unit of work that wrote them commits, whether appended or gathered', async () => {
      const transactions = new Transactions(dataSource);
      const woken = new Outbox('platform-test', '', transactions);
      const relay = await startRelay({ pollIntervalMs: NEVER_POLLS });
      woken.whenCommitted(() => relay.wake());

      const appended = randomUUID();
      await transactions.run((manager) => woken.append(manager, events(appended, [1, 2])));
      await eventually(() => expect(sequencesOf(appended)).toEqual([1, 2]));

      const gathered = randomUUID();
      await transactions.run(() => woken.gather(transactions, events(gathered, [1, 2, 3])));
      await eventually(() => expect(sequencesOf(gathered)).toEqual([1, 2, 3]));
    });

    it('never reports a unit of work that rolled back', async () => {
      const transactions = new Transactions(dataSource);
      const woken = new Outbox('platform-test', '', transactions);
      let reports = 0;
      woken.whenCommitted(() => (reports += 1));

      await expect(
        transactions.run(async (manager) => {
          await woken.append(manager, events(randomUUID(), [1]));
          throw new Error('changed its mind');
        }),
      ).rejects.toThrow('changed its mind');
      expect(reports).toBe(0);
      await transactions.run((manager) => woken.append(manager, events(randomUUID(), [1])));
      expect(reports).toBe(1);
    });

    it('while another replica holds the publishing lock, keeps trying until it wins, then publishes its rows', async () => {
      const transactions = new Transactions(dataSource);
      const woken = new Outbox('platform-test', '', transactions);
      let ticks = 0;
      // Every tick is a transaction on the relay's connection: count their beginnings.
      const counted = Object.create(dataSource) as DataSource;
      counted.createQueryRunner = ((...args: Parameters<DataSource['createQueryRunner']>) => {
        const runner = dataSource.createQueryRunner(...args);
        const begin = runner.startTransaction.bind(runner);
        runner.startTransaction = (...level) => {
          ticks += 1;
          return begin(...level);
        };
        return runner;
      }) as DataSource['createQueryRunner'];
      const relay = await startRelay({ pollIntervalMs: NEVER_POLLS, source: counted });
      woken.whenCommitted(() => relay.wake());
      await eventually(() => expect(ticks).toBeGreaterThan(0));

      const otherReplica = new Client(db.url);
      await otherReplica.connect();
      try {
        await otherReplica.query('BEGIN');
        await otherReplica.query('SELECT pg_advisory_xact_lock(4242)');
        const thing = randomUUID();
        await transactions.run((manager) => woken.append(manager, events(thing, [1, 2])));
        const before = ticks;
        // Far more ticks than its poll interval allows: it is retrying, and cannot publish meanwhile.
        await eventually(() => expect(ticks).toBeGreaterThanOrEqual(before + 3));
        const [waiting] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND published_at IS NULL', [thing]);
        expect(waiting.n).toBe(2);

        await otherReplica.query('COMMIT');
        await eventually(() => expect(sequencesOf(thing)).toEqual([1, 2]));
      } finally {
        await otherReplica.end();
      }
    });
  });

  it('publishes on a connection of its own while units of work hold, and wait for, every other connection of the pool', async () => {
    const { max } = (dataSource.driver as unknown as { master: { options: { max: number } } }).master.options;
    await startRelay({ pollIntervalMs: 50 });
    const held = Array.from({ length: max - 1 }, () => dataSource.createQueryRunner());
    for (const unit of held) await unit.startTransaction();
    // One more unit queues for the pool: any connection given back goes to it first.
    const queued = dataSource.createQueryRunner();
    const begun = queued.startTransaction();
    const writer = createDataSource({ url: db.url, applicationName: 'platform-test-writer', poolSize: 1, migrations: [] });
    await writer.initialize();
    try {
      const thing = randomUUID();
      await new Transactions(writer).run((manager) =>
        outbox.append(manager, [{ contract: contract(), data: { thingId: thing, sequence: 1 }, aggregateId: thing, occurredAt: new Date() }]),
      );

      await eventually(() =>
        expect(
          received()
            .filter((r) => r.key === thing)
            .map((r) => r.sequence),
        ).toEqual([1]),
      );
    } finally {
      for (const unit of held) await unit.rollbackTransaction().finally(() => unit.release());
      await begun;
      await queued.rollbackTransaction().finally(() => queued.release());
      await writer.destroy();
    }
  });

  it('with two replicas relaying, publishes each event once and keeps per-aggregate order', async () => {
    await Promise.all([startRelay(), startRelay()]);
    const things: string[] = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(things.map((thing) => append(thing, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])));

    await eventually(() => expect(received().filter((r) => things.includes(r.key))).toHaveLength(200), { timeoutMs: 30_000 });
    const mine = received().filter((r) => things.includes(r.key));
    expect(new Set(mine.map((r) => r.eventId)).size).toBe(200);
    for (const thing of things) {
      expect(mine.filter((r) => r.key === thing).map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  });

  it('keeps events that could not be sent and publishes them once the relay runs again', async () => {
    const thing = randomUUID();
    await append(thing, [1, 2]);
    const [pending] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND published_at IS NULL', [thing]);
    expect(pending.n).toBe(2);

    await startRelay();
    await eventually(() =>
      expect(
        received()
          .filter((r) => r.key === thing)
          .map((r) => r.sequence),
      ).toEqual([1, 2]),
    );
  });

  describe("when a replica's tick is held up between its snapshot and the lock", () => {
    /** Held by the test: the paused relay's statement waits on it after taking its snapshot. */
    const PAUSE_KEY = 4_243;
    let raceDb: TestDatabase;
    const sources: DataSource[] = [];
    let pauser: Client;

    const messagesOnTopic = () => withAdmin(kafka, async (admin) => (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0));

    async function relayOn(applicationName: string): Promise<OutboxRelay> {
      const source = createDataSource({ url: raceDb.url, applicationName, poolSize: 2, migrations: [...messagingMigrations] });
      await source.initialize();
      sources.push(source);
      const producer = createRelayProducer(kafka);
      await producer.connect();
      producers.push(producer);
      return new OutboxRelay({
        dataSource: source,
        producer,
        lockKey: 4242,
        batchSize: 50,
        pollIntervalMs: 60_000,
        retentionHours: 24,
        logger: new RecordingLogger(),
      });
    }

    beforeAll(async () => {
      raceDb = await createTestDatabase();
      // The relay's statement calls pg_try_advisory_xact_lock unqualified. In this database it
      // resolves to this wrapper first, which — for the connection named relay-paused only — waits
      // for the test's lock before taking the real one: the statement's snapshot is taken by then.
      // (Created by the owner, as a migration would: the runtime role may create nothing.)
      const migrated = await migratedDataSource(raceDb, [
        `CREATE FUNCTION public.pg_try_advisory_xact_lock(key bigint) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
          IF current_setting('application_name') = 'relay-paused' THEN
            PERFORM pg_catalog.pg_advisory_lock_shared(${PAUSE_KEY});
            PERFORM pg_catalog.pg_advisory_unlock_shared(${PAUSE_KEY});
          END IF;
          RETURN pg_catalog.pg_try_advisory_xact_lock(key);
        END $$`,
        `ALTER DATABASE ${raceDb.name} SET search_path = public, pg_catalog`,
      ]);
      await migrated.destroy();
      pauser = new Client(raceDb.url);
      await pauser.connect();
    });

    afterAll(async () => {
      await pauser?.end();
      await Promise.all(sources.map((source) => source.destroy()));
      await raceDb?.drop();
    });

    it('publishes nothing another replica published in the meantime', async () => {
      const prompt = await relayOn('relay-prompt');
      const paused = await relayOn('relay-paused');
      const thing = randomUUID();
      await new Transactions(sources[0]!).run((manager) =>
        outbox.append(
          manager,
          [1, 2, 3].map((sequence) => ({ contract: contract(), data: { thingId: thing, sequence }, aggregateId: thing, occurredAt: new Date() })),
        ),
      );

      const before = await messagesOnTopic();
      await pauser.query('SELECT pg_advisory_lock($1)', [PAUSE_KEY]);
      const pausedTick = paused.publishBatch();
      await eventually(async () => {
        const { rows } = await pauser.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'relay-paused' AND wait_event_type = 'Lock'");
        expect(rows[0].n).toBe(1);
      });
      expect(await prompt.publishBatch()).toBe(3);
      await pauser.query('SELECT pg_advisory_unlock($1)', [PAUSE_KEY]);

      expect(await pausedTick).toBe(0);
      // Whatever either relay sent was acknowledged before its tick returned: the topic holds all of it.
      expect((await messagesOnTopic()) - before).toBe(3);
      await eventually(() =>
        expect(
          received()
            .filter((r) => r.key === thing)
            .map((r) => r.sequence),
        ).toEqual([1, 2, 3]),
      );
    });
  });
});
