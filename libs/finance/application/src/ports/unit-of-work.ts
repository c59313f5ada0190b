/**
 * One atomic piece of work: everything the callback writes through Finance's ports commits
 * together or not at all (an invoice number taken inside is given back on rollback). Adapters
 * called inside it join it.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
