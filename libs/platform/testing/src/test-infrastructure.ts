import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createTopicsReady, withAdmin } from './consumer-groups';

/** Where tests find the local stack (`node tools/stack/stack.mjs infra`). */
export const testInfrastructure = {
  kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  /** A superuser connection, used only to create and drop throw-away databases. */
  adminDatabaseUrl: process.env['TEST_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file; `drop()` removes it (terminating leftover connections). */
export async function createTestDatabase(prefix = 'bazaar_test'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  await adminQuery(`CREATE DATABASE ${name}`);
  const admin = new URL(testInfrastructure.adminDatabaseUrl);
  admin.pathname = `/${name}`;
  return {
    url: admin.toString(),
    name,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: testInfrastructure.adminDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function testKafka(clientId = uniqueName('test')): Kafka {
  return new Kafka({ clientId, brokers: testInfrastructure.kafkaBrokers, logLevel: logLevel.NOTHING });
}

/** Creates uniquely named topics for one test file and returns their names in the same order. */
export async function createTestTopics(kafka: Kafka, baseNames: readonly string[], partitions = 3): Promise<string[]> {
  const suffix = randomBytes(4).toString('hex');
  const names = baseNames.map((name) => `${name}.${suffix}`);
  await withAdmin(kafka, (admin) => createTopicsReady(admin, names, partitions));
  return names;
}

export async function deleteTestTopics(kafka: Kafka, names: readonly string[]): Promise<void> {
  await withAdmin(kafka, (admin) => admin.deleteTopics({ topics: [...names] }));
}
