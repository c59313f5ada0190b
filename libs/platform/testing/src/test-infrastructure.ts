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
  /** The runtime role's connection: what a service serves with (DML only, as the grants allow). */
  readonly url: string;
  /** The owner (migrator) role's connection: migrations and grants run with it. */
  readonly ownerUrl: string;
  /** The superuser's connection to this database, for what only a test may do. */
  readonly adminUrl: string;
  readonly name: string;
  readonly ownerRole: string;
  readonly runtimeRole: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file, provisioned as the stack provisions a context's: an
 * owner role that owns the database and its schema, a runtime role that may only connect and use
 * the schema (the migrations grant it the rest), and nobody else may connect. `drop()` removes the
 * database (terminating leftover connections) and both roles.
 */
export async function createTestDatabase(prefix = 'bazaar_test', adminDatabaseUrl = testInfrastructure.adminDatabaseUrl): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const ownerRole = `${name}_owner`;
  const runtimeRole = `${name}_runtime`;
  const adminQuery = (sql: string | readonly string[], database?: string) => adminQueryOn(adminDatabaseUrl, sql, database);
  await adminQuery(provisioningStatements({ database: name, owner: ownerRole, runtime: runtimeRole }, 'cluster'));
  await adminQuery(provisioningStatements({ database: name, owner: ownerRole, runtime: runtimeRole }, 'database'), name);
  const urlAs = (role: string | undefined) => {
    const url = new URL(adminDatabaseUrl);
    url.pathname = `/${name}`;
    if (role) {
      url.username = role;
      url.password = '';
    }
    return url.toString();
  };
  return {
    url: urlAs(runtimeRole),
    ownerUrl: urlAs(ownerRole),
    adminUrl: urlAs(undefined),
    name,
    ownerRole,
    runtimeRole,
    drop: async () => {
      await adminQuery([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `DROP ROLE IF EXISTS ${runtimeRole}`, `DROP ROLE IF EXISTS ${ownerRole}`]);
    },
  };
}

/**
 * The statements that provision a context's database and roles, as tools/stack/lib/postgres.mjs
 * runs them: `cluster` as the superuser on any database, then `database` on the new database.
 */
export function provisioningStatements(names: { database: string; owner: string; runtime: string }, scope: 'cluster' | 'database'): string[] {
  const { database, owner, runtime } = names;
  const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS';
  if (scope === 'cluster') {
    return [
      `CREATE ROLE ${owner} ${attributes}`,
      `CREATE ROLE ${runtime} ${attributes}`,
      `CREATE DATABASE ${database} OWNER ${owner}`,
      `REVOKE ALL ON DATABASE ${database} FROM PUBLIC`,
      `GRANT CONNECT ON DATABASE ${database} TO ${runtime}`,
      ...['postgres', 'template1'].map(
        (other) => `DO $$ BEGIN IF has_database_privilege('public', '${other}', 'CONNECT') THEN REVOKE CONNECT ON DATABASE ${other} FROM PUBLIC; END IF; END $$`,
      ),
    ];
  }
  return [`ALTER SCHEMA public OWNER TO ${owner}`, 'REVOKE ALL ON SCHEMA public FROM PUBLIC', `GRANT USAGE ON SCHEMA public TO ${runtime}`];
}

async function adminQueryOn(adminDatabaseUrl: string, sql: string | readonly string[], database?: string): Promise<void> {
  const url = new URL(adminDatabaseUrl);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const statement of typeof sql === 'string' ? [sql] : sql) await client.query(statement);
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
