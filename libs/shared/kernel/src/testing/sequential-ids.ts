import { IdGenerator } from '../ports';

/**
 * Predictable ids, in order: UUID-shaped by default (`00000000-0000-4000-8000-000000000001`, …) for ids
 * the model checks, or `<prefix>-1`, `<prefix>-2`, … when a test reads better with names.
 */
export class SequentialIds extends IdGenerator {
  #next = 1;

  constructor(private readonly prefix?: string) {
    super();
  }

  next(): string {
    const n = this.#next++;
    return this.prefix === undefined ? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` : `${this.prefix}-${n}`;
  }
}
