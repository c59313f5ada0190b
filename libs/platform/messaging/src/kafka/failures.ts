import { transientDatabaseFailure } from '@bazaar/platform-database';
import { ContractViolation } from '@bazaar/published-language';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import { MalformedMessage } from './incoming-message';

/**
 * Why handling a message failed when trying again later can succeed; what a stalled partition
 * reports. `unknown` is anything not recognised as either kind (a bug, an unexpected database
 * error): it is retried like the others, because dead-lettering a message that could have
 * succeeded reorders its aggregate's events once it is replayed, while a stalled partition is
 * visible (health, logs), loses nothing and resumes by itself once the cause is fixed.
 */
export type TransientFailureClass = 'version_conflict' | 'database_unavailable' | 'database_contention' | 'database_timeout' | 'kafka_unavailable' | 'unknown';

export type Failure = { readonly permanent: true } | { readonly permanent: false; readonly errorClass: TransientFailureClass };

/**
 * Sorts a handler's failure: permanent when the message itself can never succeed — it is not an
 * envelope ({@link MalformedMessage}), breaks its contract ({@link ContractViolation}) or a domain
 * rule ({@link DomainError}, except a {@link ConcurrencyConflict}, which a reload resolves) — and
 * transient otherwise. Only permanent failures are dead-lettered.
 */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof ConcurrencyConflict) return { permanent: false, errorClass: 'version_conflict' };
  if (error instanceof MalformedMessage || error instanceof ContractViolation || error instanceof DomainError) return { permanent: true };
  const database = transientDatabaseFailure(error);
  if (database) return { permanent: false, errorClass: `database_${database}` };
  if (isKafkaError(error)) return { permanent: false, errorClass: 'kafka_unavailable' };
  return { permanent: false, errorClass: 'unknown' };
}

/** kafkajs names all its errors `KafkaJS…` (connection, request timeout, not leader, retries exceeded…). */
function isKafkaError(error: unknown): boolean {
  return error instanceof Error && error.name.startsWith('KafkaJS');
}
