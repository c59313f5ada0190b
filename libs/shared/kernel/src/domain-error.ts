/**
 * How a broken rule should be understood by a caller, independent of transport:
 * `not_found` (404), `conflict` with the current state (409), `invalid` input to a rule (422),
 * `forbidden`: a rule says this actor may not do it, whatever their roles (403).
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden';

/** Every domain error names the rule it protects with a stable, machine-readable `code`. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Another writer changed the aggregate since it was loaded (the version check failed). */
export class ConcurrencyConflict extends DomainError {
  readonly code = 'concurrency_conflict';
  readonly kind = 'conflict' as const;

  constructor(aggregate: string, id: string) {
    super(`${aggregate} ${id} was changed by someone else; retry with its current state`);
  }
}
