/**
 * One atomic piece of work: everything the callback writes through the context's ports commits
 * together or not at all. Adapters that run inside it join it.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
