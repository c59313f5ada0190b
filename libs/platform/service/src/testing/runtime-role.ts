import { Client } from 'pg';
import { runtimePrivilegesOn } from '@bazaar/platform-database';
import { createTestDatabase, TestDatabase } from '@bazaar/platform-testing';
import { serviceConfigSchema } from '../config';
import { createMigratedTestDatabase, MigratedTestDatabase } from './migrated-test-database';
import type { ServiceFactory } from './test-config';

const ALL_TABLE_PRIVILEGES = ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'] as const;
const INSUFFICIENT_PRIVILEGE = '42501';

async function connectAs(url: string, database?: string): Promise<Client> {
  const target = new URL(url);
  if (database) target.pathname = `/${database}`;
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  return client;
}

/** The SQLSTATE a statement (or a connection) failed with; undefined when it succeeded. */
async function failureOf(attempt: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await attempt();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/**
 * The least-privilege contract of a context's database, checked against PostgreSQL itself: the
 * database is provisioned and migrated as the stack does it (owner migrates, then grants), and then
 * - the runtime role holds on every table exactly what the context declares (`runtimeGrants`), owns
 *   nothing and may create nothing;
 * - connected as the runtime role, DDL and TRUNCATE are refused, and so is any UPDATE or DELETE on
 *   a table declared without them (Finance's ledger and invoices);
 * - the runtime role cannot connect to another database, `postgres` included.
 */
export function describeRuntimeRole(service: ServiceFactory): void {
  const definition = service(serviceConfigSchema({ name: 'runtime-role', port: 0 }).parse({})).definition;

  describe(`${definition.name}'s runtime role (real PostgreSQL)`, () => {
    let migrated: MigratedTestDatabase;
    let database: TestDatabase;
    let runtime: Client;
    let tables: string[];

    beforeAll(async () => {
      migrated = await createMigratedTestDatabase(definition.migrations, definition.runtimeGrants);
      database = migrated.database;
      runtime = await connectAs(database.url);
      const rows = await migrated.asOwner<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
      tables = rows.map((row) => row.name);
    });

    afterAll(async () => {
      await runtime?.end().catch(() => undefined);
      await migrated?.drop();
    });

    it('holds exactly the declared privileges on every table, and every table it declares exists', async () => {
      const actual: Record<string, string[]> = {};
      for (const table of tables) {
        const held = [];
        for (const privilege of ALL_TABLE_PRIVILEGES) {
          const [row] = await migrated.asOwner<{ held: boolean }>('SELECT has_table_privilege($1, $2, $3) AS held', [database.runtimeRole, `public.${table}`, privilege]);
          if (row?.held) held.push(privilege);
        }
        actual[table] = held;
      }
      const declared = Object.fromEntries(tables.map((table) => [table, [...runtimePrivilegesOn(table, definition.runtimeGrants)].sort()]));

      expect(actual).toEqual(declared);
      expect(tables).toEqual(expect.arrayContaining(Object.keys(definition.runtimeGrants?.tables ?? {})));
      expect(tables).toEqual(expect.arrayContaining(['outbox', 'inbox']));
    });

    it('owns nothing and may create nothing: the owner role owns the database, its schema and every table', async () => {
      const [facts] = await migrated.asOwner<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS "ownedRelations",
                has_schema_privilege(r.rolname, 'public', 'CREATE') AS "createInSchema",
                has_database_privilege(r.rolname, current_database(), 'CREATE') AS "createInDatabase",
                has_database_privilege(r.rolname, current_database(), 'TEMPORARY') AS "temporary",
                (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) AS "databaseOwner",
                (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public') AS "schemaOwner",
                (SELECT string_agg(DISTINCT pg_get_userbyid(relowner)::text, ',') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public') AS "tableOwners",
                r.rolsuper AS "superuser", r.rolcreatedb AS "createDb", r.rolcreaterole AS "createRole", r.rolinherit AS "inherit"
           FROM pg_roles r WHERE r.rolname = $1`,
        [database.runtimeRole],
      );
      expect(facts).toEqual({
        ownedRelations: 0,
        createInSchema: false,
        createInDatabase: false,
        temporary: false,
        databaseOwner: database.ownerRole,
        schemaOwner: database.ownerRole,
        tableOwners: database.ownerRole,
        superuser: false,
        createDb: false,
        createRole: false,
        inherit: false,
      });
    });

    it('is refused DDL and TRUNCATE', async () => {
      const [table] = tables;
      expect(await failureOf(() => runtime.query('CREATE TABLE intruder (id int)'))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await failureOf(() => runtime.query(`ALTER TABLE ${table} ADD COLUMN intruder int`))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await failureOf(() => runtime.query(`DROP TABLE ${table}`))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await failureOf(() => runtime.query('CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$'))).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await failureOf(() => runtime.query('CREATE TEMPORARY TABLE intruder (id int)'))).toBe(INSUFFICIENT_PRIVILEGE);
      for (const each of tables) {
        expect({ table: each, truncate: await failureOf(() => runtime.query(`TRUNCATE ${each}`)) }).toEqual({ table: each, truncate: INSUFFICIENT_PRIVILEGE });
      }
    });

    it('is refused UPDATE and DELETE on every table declared without them (append-only)', async () => {
      for (const table of tables) {
        const declared = runtimePrivilegesOn(table, definition.runtimeGrants);
        const [column] = await migrated.asOwner<{ name: string }>(
          "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position LIMIT 1",
          [table],
        );
        const update = await failureOf(() => runtime.query(`UPDATE ${table} SET ${column?.name} = ${column?.name} WHERE false`));
        const remove = await failureOf(() => runtime.query(`DELETE FROM ${table} WHERE false`));
        expect({ table, update, remove }).toEqual({
          table,
          update: declared.includes('UPDATE') ? undefined : INSUFFICIENT_PRIVILEGE,
          remove: declared.includes('DELETE') ? undefined : INSUFFICIENT_PRIVILEGE,
        });
      }
    });

    it('cannot connect to any database but its own, postgres included', async () => {
      const other = await createTestDatabase();
      try {
        for (const name of ['postgres', 'template1', other.name]) {
          expect({ name, refused: await failureOf(async () => (await connectAs(database.url, name)).end()) }).toEqual({ name, refused: INSUFFICIENT_PRIVILEGE });
        }
        // Nor can another context's roles reach this one.
        expect(await failureOf(async () => (await connectAs(other.url, database.name)).end())).toBe(INSUFFICIENT_PRIVILEGE);
        expect(await failureOf(async () => (await connectAs(other.ownerUrl, database.name)).end())).toBe(INSUFFICIENT_PRIVILEGE);
      } finally {
        await other.drop();
      }
    });
  });
}
