import { Client } from 'pg';

/**
 * A node-postgres client that sends every parameterised statement as a named prepared statement,
 * so PostgreSQL parses and plans each distinct text once per connection instead of on every call
 * (measured: about a third less PostgreSQL CPU per order, docs/benchmark.md). TypeORM hands the
 * pool plain text and values; `createDataSource` tells the pool to use this client. Statements
 * without parameters (BEGIN, COMMIT, DDL) stay unnamed.
 *
 * A prepared statement whose result columns change fails ("cached plan must not change result
 * type"), so statements name their columns: no `SELECT *` (tools/architecture checks it), and an
 * additive migration never disturbs a running release.
 */
export class PreparingClient extends Client {
  /** Text → name, shared by every connection: a text always has the same name. */
  static readonly #names = new Map<string, string>();
  static #sent = 0;

  /** Statements this process has sent to PostgreSQL, BEGIN and COMMIT included: each is a round trip (`bazaar_database_statements_total`). */
  static get statementsSent(): number {
    return PreparingClient.#sent;
  }

  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    // The pool listens for a connection's errors only while it is idle, TypeORM only once its
    // checkout has resolved. An error between the two (a failover, pg_terminate_backend) would be an
    // 'error' event nobody listens to, which ends the process. This listener keeps it an event: the
    // connection is marked unusable, its holder's next query fails (and the request answers 503, the
    // message is retried), and the pool discards it on release.
    this.on('error', ignoreHandledElsewhere);
  }

  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const query = super.query as (...args: unknown[]) => never;
    PreparingClient.#sent += 1;
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      return query.call(this, { name: PreparingClient.nameOf(config), text: config, values }, callback);
    }
    return query.call(this, config, values, callback);
  }

  private static nameOf(text: string): string {
    let name = PreparingClient.#names.get(text);
    if (!name) {
      name = `bazaar_${PreparingClient.#names.size + 1}`;
      PreparingClient.#names.set(text, name);
    }
    return name;
  }
}

/** The holder (a query's callback) and the pool (on release) deal with a broken connection. */
function ignoreHandledElsewhere(): void {
  // nothing to do here
}
