import { OrderProcesses } from '@bazaar/checkout-domain';
import { Clock } from '@bazaar/shared-kernel';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { SweepResult, sweep } from '../shared/sweep';
import { ResumeOrderProcesses } from './resume-order-processes.command';

const DEFAULT_LIMIT = 100;

export class ResumeOrderProcessesHandler {
  constructor(
    private readonly processes: OrderProcesses,
    private readonly runner: OrderProcessRunner,
    private readonly clock: Clock,
  ) {}

  async execute(command: ResumeOrderProcesses): Promise<SweepResult> {
    const dueBy = new Date(this.clock.now().getTime() - (command.dueForMs ?? 0));
    const due = await this.processes.withCommandsDueBy(dueBy, command.limit ?? DEFAULT_LIMIT);
    return sweep(
      due,
      async (id) => {
        // Already under way here (its lease does not stop carrying out alongside): once is enough.
        if (!this.runner.isCarryingOutAlongside(id)) await this.runner.carryOut(id);
      },
      command.concurrency ?? this.runner.alongsideCap,
    );
  }
}
