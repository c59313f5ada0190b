import { IdGenerator } from '@bazaar/shared-kernel';

/** Predictable ids: `revenue-1`, `revenue-2`, … */
export class SequentialIds extends IdGenerator {
  #next = 1;

  constructor(private readonly prefix = 'id') {
    super();
  }

  next(): string {
    return `${this.prefix}-${this.#next++}`;
  }
}
