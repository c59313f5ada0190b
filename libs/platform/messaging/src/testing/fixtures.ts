import { z } from 'zod';
import { DataSource } from 'typeorm';
import { applyRuntimeGrants, createDataSource, runMigrations } from '@bazaar/platform-database';
import type { TestDatabase } from '@bazaar/platform-testing';
import { defineEvent } from '@bazaar/published-language';
import { messagingMigrations } from '../messaging-migrations';
import { PlatformLogger } from '../logger';

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
