/** PostgreSQL SQLSTATE codes the platform reacts to. */
const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof candidate === 'string' ? candidate : undefined;
}

/** Raised by `bazaar_expect_rows` when a statement wrote another number of rows than expected. */
const UNEXPECTED_ROW_COUNT = 'BZ409';

/** The CTE (`w0`, `w1`, …) whose row count `bazaar_expect_rows` refused, or undefined for any other error. */
export function rowCountTagOf(error: unknown): string | undefined {
  if (sqlState(error) !== UNEXPECTED_ROW_COUNT) return undefined;
  const driver = error as { driverError?: { message?: string }; message?: string };
  return driver.driverError?.message ?? driver.message;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  const driver = error as { driverError?: { constraint?: string }; constraint?: string };
  return (driver.driverError?.constraint ?? driver.constraint) === constraint;
}

/**
 * Why a database call failed when trying again later can succeed:
 * - `unavailable`: the server cannot be reached or dropped the connection (refused, reset,
 *   terminated by an administrator or a failover, shutting down, out of connections, no pooled
 *   connection within the connect timeout);
 * - `contention`: the transaction lost a race PostgreSQL resolved by aborting it (serialization
 *   failure, deadlock, lock not available);
 * - `timeout`: a statement ran past `statement_timeout` (or was cancelled).
 */
export type TransientDatabaseFailure = 'unavailable' | 'contention' | 'timeout';

const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '25P03']);
const CONTENTION_STATES = new Set(['40001', '40P01', '55P03']);
const TIMEOUT_STATES = new Set(['57014']);
/** Node's socket errors on a connection to the server. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** node-postgres and its pool report a lost or unobtainable connection as plain errors with these messages. */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Connection ended unexpectedly/i;
/** TypeORM releases a query runner whose connection failed; the transaction's next statement then meets one of these. */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * The transient database failure behind `error` (a TypeORM error, a node-postgres error, or an
 * error caused by one), or undefined when it is not one — a broken constraint, a syntax error, a
 * bug: retrying the same thing would fail the same way.
 */
export function transientDatabaseFailure(error: unknown): TransientDatabaseFailure | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const state = sqlState(current);
    if (state !== undefined) {
      if (state.startsWith('08') || UNAVAILABLE_STATES.has(state) || SOCKET_ERRORS.has(state)) return 'unavailable';
      if (CONTENTION_STATES.has(state)) return 'contention';
      if (TIMEOUT_STATES.has(state)) return 'timeout';
    }
    const { message, name } = current as { message?: unknown; name?: unknown };
    if (typeof message === 'string' && LOST_CONNECTION.test(message)) return 'unavailable';
    if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return 'unavailable';
    const { driverError, cause } = current as { driverError?: unknown; cause?: unknown };
    current = driverError ?? cause;
  }
  return undefined;
}
