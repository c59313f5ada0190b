import { DataSource } from 'typeorm';

/** What a service's runtime role may do to a table: data manipulation only, never DDL, TRUNCATE or triggers. */
export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * A context's declaration of its runtime role's rights. Every table of the `public` schema gets
 * {@link defaultTablePrivileges} unless `tables` names it (an append-only ledger: `['SELECT', 'INSERT']`);
 * sequences get USAGE and SELECT. The owner role (which runs the migrations) keeps everything else.
 */
export interface RuntimeGrants {
  readonly tables?: Readonly<Record<string, readonly TablePrivilege[]>>;
}

export const defaultTablePrivileges: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** The platform's own tables: the runtime has no business with the migrations' bookkeeping. */
const platformTables: Readonly<Record<string, readonly TablePrivilege[]>> = { schema_migrations: [] };

/** The privileges `grants` gives the runtime role on `table`. */
export function runtimePrivilegesOn(table: string, grants: RuntimeGrants = {}): readonly TablePrivilege[] {
  return grants.tables?.[table] ?? platformTables[table] ?? defaultTablePrivileges;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Makes the runtime role's privileges on every table and sequence of `public` exactly what `grants`
 * declares, in one transaction (the runtime never sees a table without its rights). Run by the owner
 * after each migration run, so a table a migration adds gets its grants before the new release serves.
 */
export async function applyRuntimeGrants(dataSource: DataSource, runtimeRole: string, grants: RuntimeGrants = {}): Promise<void> {
  if (!IDENTIFIER.test(runtimeRole)) throw new Error(`runtime role ${JSON.stringify(runtimeRole)} is not a plain identifier`);
  const role = `"${runtimeRole}"`;
  await dataSource.transaction(async (manager) => {
    const tables: { name: string }[] = await manager.query("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    for (const { name } of tables) {
      const table = `public."${name.replace(/"/g, '""')}"`;
      await manager.query(`REVOKE ALL ON ${table} FROM ${role}`);
      const privileges = runtimePrivilegesOn(name, grants);
      if (privileges.length > 0) await manager.query(`GRANT ${privileges.join(', ')} ON ${table} TO ${role}`);
    }
    await manager.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  });
}

/** The user name in a `postgres://user@host/db` URL. */
export function roleOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username);
}
