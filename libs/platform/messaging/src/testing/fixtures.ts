import { z } from 'zod';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@bazaar/platform-database';
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

export async function migratedDataSource(url: string, extraSql: string[] = []): Promise<DataSource> {
  const dataSource = createDataSource({ url, applicationName: 'platform-test', poolSize: 5, migrations: [...messagingMigrations] });
  await dataSource.initialize();
  await runMigrations(dataSource);
  for (const sql of extraSql) await dataSource.query(sql);
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
