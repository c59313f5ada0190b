import { UnitOfWork } from '@bazaar/fulfillment-application';
import { Transactions } from '@bazaar/platform-database';

/** A database transaction that every TypeORM adapter called inside it joins (an open one, e.g. the inbox's, is joined too). */
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.transactions.run(() => work());
  }
}
