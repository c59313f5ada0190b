import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';

export class FixedClock extends Clock {
  constructor(private readonly instant = new Date('2026-11-21T09:30:00.000Z')) {
    super();
  }
  now(): Date {
    return this.instant;
  }
}

/** Predictable UUIDs: …000000000001, …000000000002, … */
export class SequentialIds extends IdGenerator {
  #next = 1;
  next(): string {
    return `00000000-0000-4000-8000-${String(this.#next++).padStart(12, '0')}`;
  }
}

/** The fakes keep no transaction of their own, so the work simply runs. */
export class InlineUnitOfWork extends UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}
