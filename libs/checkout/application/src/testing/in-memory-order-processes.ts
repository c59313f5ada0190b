import { OrderId, OrderProcess, OrderProcesses, OrderProcessState } from '@bazaar/checkout-domain';
import { Transactional } from '@bazaar/shared-kernel/testing';
import { VersionedRows } from './versioned-rows';

export class InMemoryOrderProcesses extends OrderProcesses implements Transactional {
  readonly rows = new VersionedRows<OrderProcessState, never>('OrderProcess');

  async byId(orderId: OrderId): Promise<OrderProcess | undefined> {
    const row = this.rows.get(orderId);
    return row && OrderProcess.restore(row.state, row.version);
  }

  async save(process: OrderProcess): Promise<void> {
    this.rows.put(process.orderId, process.toState(), process.version, []);
  }

  /** One `byId` per order, so that a spec overriding `byId` sees these reads too. */
  async byIds(orderIds: readonly OrderId[]): Promise<OrderProcess[]> {
    const processes = await Promise.all(orderIds.map((id) => this.byId(id)));
    return processes.filter((process) => process !== undefined);
  }

  async saveAll(processes: readonly OrderProcess[]): Promise<void> {
    this.rows.putAll(processes.map((process) => ({ id: process.orderId, state: process.toState(), loadedVersion: process.version, events: [] })));
  }

  async withDeadlineBy(at: Date, limit: number): Promise<OrderId[]> {
    return this.oldestFirst((process) => process.deadline, at, limit);
  }

  async withCommandsDueBy(at: Date, limit: number): Promise<OrderId[]> {
    return this.oldestFirst((process) => process.dueAt, at, limit);
  }

  snapshot(): () => void {
    return this.rows.snapshot();
  }

  private oldestFirst(timeOf: (process: OrderProcess) => Date | undefined, at: Date, limit: number): OrderId[] {
    return this.rows
      .states()
      .map((state) => OrderProcess.restore(state, 0))
      .flatMap((process) => {
        const time = timeOf(process);
        return time !== undefined && time <= at ? [{ orderId: process.orderId, time }] : [];
      })
      .sort((a, b) => a.time.getTime() - b.time.getTime())
      .slice(0, limit)
      .map(({ orderId }) => orderId);
  }
}
