import { UnitOfWork } from '../ports';

/** Something the in-memory unit of work can roll back: `snapshot()` returns the function that restores it. */
export interface Transactional {
  snapshot(): () => void;
}

/** A unit of work over in-memory fakes: when the work throws, what it wrote is rolled back, as a database would. */
export class InMemoryUnitOfWork extends UnitOfWork {
  private readonly participants: Transactional[];

  constructor(...participants: Transactional[]) {
    super();
    this.participants = participants;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const restores = this.participants.map((participant) => participant.snapshot());
    try {
      return await work();
    } catch (error) {
      restores.forEach((restore) => restore());
      throw error;
    }
  }
}
