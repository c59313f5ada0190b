import { IdGenerator } from '@bazaar/shared-kernel';

/** Predictable ids: `shipment-1`, `shipment-2`, … */
export class SequentialIds extends IdGenerator {
  #next = 1;

  constructor(private readonly prefix = 'id') {
    super();
  }

  next(): string {
    return `${this.prefix}-${this.#next++}`;
  }
}
