/**
 * Who made a change and when. `by` is the caller's id (a token's subject once routes authenticate
 * callers); it is null when the change's author is not known — a route called without an identity,
 * or the system reacting to another context's event.
 */
export interface Stamp {
  readonly at: Date;
  readonly by: string | null;
}

export function stamp(at: Date, by: string | null = null): Stamp {
  return { at, by };
}
