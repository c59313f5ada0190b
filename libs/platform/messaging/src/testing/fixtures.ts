import { randomUUID } from 'node:crypto';
import { INestMicroservice, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Message } from 'kafkajs';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { applyRuntimeGrants, createDataSource, runMigrations } from '@bazaar/platform-database';
import type { TestDatabase } from '@bazaar/platform-testing';
import { defineEvent, EventEnvelope, EventHeaders } from '@bazaar/published-language';
import { messagingMigrations } from '../messaging-migrations';
import { PlatformLogger } from '../logger';
import { KafkaEventServer } from '../kafka/kafka-event-server';
import { RethrowRpcErrors } from '../kafka/rethrow-rpc-errors.filter';
import { eventually } from '@bazaar/platform-testing';

/** A contract for platform tests, published on a throw-away topic. */
export function testContract(topic: string) {
  return defineEvent({
    type: 'platform.thing-happened',
    version: 1,
    producer: 'platform-test',
    topic,
    schema: z.object({ thingId: z.string(), sequence: z.number().int() }),
  });
}

/** An event of the test contract about `thingId`. */
export function aThingHappened(thingId: string, sequence: number, id: string = randomUUID()): EventEnvelope<{ thingId: string; sequence: number }> {
  return {
    id,
    type: 'platform.thing-happened',
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'platform-test',
    aggregateId: thingId,
    correlationId: randomUUID(),
    causationId: null,
    traceparent: null,
    tracestate: null,
    data: { thingId, sequence },
  };
}

/** The Kafka message a producer publishes for `envelope` of the test contract on `topic`: keyed by the thing, typed in its headers. */
export function thingMessage(topic: string, envelope: EventEnvelope): Message {
  return {
    key: envelope.aggregateId,
    value: JSON.stringify(envelope),
    headers: { [EventHeaders.id]: envelope.id, [EventHeaders.type]: testContract(topic).wireType },
  };
}

/** Backoff for transport tests: a transient failure is tried again within a tenth of a second. */
export const quickRetries = { initialBackoffMs: 20, maxBackoffMs: 100 } as const;

/**
 * Serves `controller` over `server` as a service does (a Nest microservice whose errors reach the
 * transport) and waits until its consumer is in its group.
 */
export async function listening(controller: Type<unknown>, server: KafkaEventServer): Promise<INestMicroservice> {
  const testing = await Test.createTestingModule({ controllers: [controller] }).compile();
  const service = testing.createNestMicroservice({ strategy: server, logger: false });
  service.useGlobalFilters(new RethrowRpcErrors());
  await service.listen();
  await eventually(() => expect(server.consumerStatus.phase).toBe('consuming'), { timeoutMs: 30_000 });
  return service;
}

/**
 * Migrates the messaging tables as the database's owner (then `extraSql`, the test's own tables),
 * grants the runtime role as a service's migration run does, and answers a data source connected
 * as the runtime role, as a service serves.
 */
export async function migratedDataSource(database: TestDatabase, extraSql: string[] = []): Promise<DataSource> {
  const owner = createDataSource({ url: database.ownerUrl, applicationName: 'platform-test-migrate', poolSize: 2, migrations: [...messagingMigrations] });
  await owner.initialize();
  try {
    await runMigrations(owner);
    for (const sql of extraSql) await owner.query(sql);
    await applyRuntimeGrants(owner, database.runtimeRole);
  } finally {
    await owner.destroy();
  }
  const dataSource = createDataSource({ url: database.url, applicationName: 'platform-test', poolSize: 5, migrations: [...messagingMigrations] });
  await dataSource.initialize();
  return dataSource;
}

/** Collects everything logged, debug included, so tests can read what the platform reported. */
export class RecordingLogger implements PlatformLogger {
  readonly entries: unknown[] = [];
  debug(message: unknown): void {
    this.entries.push(message);
  }
  log(message: unknown): void {
    this.entries.push(message);
  }
  warn(message: unknown): void {
    this.entries.push(message);
  }
  error(message: unknown): void {
    this.entries.push(message);
  }
}
