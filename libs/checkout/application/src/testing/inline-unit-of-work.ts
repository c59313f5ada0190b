import { UnitOfWork } from '../ports/unit-of-work';

/** The fakes keep no transaction of their own, so the work simply runs. */
export class InlineUnitOfWork extends UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}
