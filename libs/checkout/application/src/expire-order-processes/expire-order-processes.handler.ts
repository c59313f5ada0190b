import { OrderId, OrderProcesses } from '@bazaar/checkout-domain';
import { Clock } from '@bazaar/shared-kernel';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { ExpireOrderProcesses } from './expire-order-processes.command';
import { SweepResult, sweep } from '../shared/sweep';

const DEFAULT_LIMIT = 100;

/** Cancels (`timed_out`) and voids each order Fulfillment did not answer in time, by the clock it is given. */
export class ExpireOrderProcessesHandler {
  constructor(
    private readonly processes: OrderProcesses,
    private readonly runner: OrderProcessRunner,
    private readonly clock: Clock,
  ) {}

  async execute(command: ExpireOrderProcesses): Promise<SweepResult> {
    const expired: OrderId[] = await this.processes.withDeadlineBy(this.clock.now(), command.limit ?? DEFAULT_LIMIT);
    return sweep(expired, (id) => this.runner.tell(id, { type: 'DeadlineReached' }));
  }
}
