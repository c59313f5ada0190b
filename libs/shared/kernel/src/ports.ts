/** Time enters the model only through this port, so decisions stay pure and testable. */
export abstract class Clock {
  abstract now(): Date;
}

/** Identity enters the model only through this port (UUIDs in production, predictable ones in tests). */
export abstract class IdGenerator {
  abstract next(): string;
}

/**
 * One atomic piece of work: everything the callback writes through a context's ports commits
 * together or not at all. Adapters called inside it join it; a consumer's inbox transaction is one.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
