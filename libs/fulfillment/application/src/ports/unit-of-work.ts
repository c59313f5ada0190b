/**
 * One atomic piece of work: everything the callback writes through Fulfillment's ports commits
 * together or not at all. Adapters called inside it join it; a consumer's inbox transaction is one.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
