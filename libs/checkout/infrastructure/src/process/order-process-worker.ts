import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ExpireOrderProcessesHandler, OrderPlacement, ResumeOrderProcessesHandler, SweepResult } from '@bazaar/checkout-application';
import { JsonLogger, PeriodicTasks, SERVICE_LOGGER } from '@bazaar/platform-service';

export const ORDER_PROCESS_SWEEP_INTERVAL = Symbol('OrderProcessSweepInterval');

/**
 * Runs the two sweeps of the order processes on an interval (a platform periodic task): deadlines
 * that passed (cancel and void) and commands that are due (retries after a backoff, work a crash or
 * restart interrupted). Every replica runs it; the sweeps claim their rows, so replicas share the
 * work; the due-command sweep also carries out what was past the limits of carrying out alongside.
 * Before the database closes, the task finishes the sweep under way and the worker waits for the
 * carry-outs still running alongside (those still waiting for a slot stay due for the next start).
 */
@Injectable()
export class OrderProcessWorker implements OnModuleDestroy {
  constructor(
    private readonly expire: ExpireOrderProcessesHandler,
    private readonly resume: ResumeOrderProcessesHandler,
    private readonly placement: OrderPlacement,
    @Inject(ORDER_PROCESS_SWEEP_INTERVAL) private readonly intervalMs: number,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    tasks: PeriodicTasks,
  ) {
    tasks.every(intervalMs, 'order process sweep', () => this.sweepOnce());
  }

  async onModuleDestroy(): Promise<void> {
    // What placing orders and Fulfillment's news started carrying out alongside; anything unfinished or not started stays due for the next start.
    await this.placement.settled({ dropWaiting: true });
  }

  /** One sweep of both kinds, now; what the interval runs. */
  async sweepOnce(): Promise<void> {
    this.report('expire', await this.expire.execute({}));
    // Commands due for less than one interval are normally being carried out by whoever decided them.
    this.report('resume', await this.resume.execute({ dueForMs: this.intervalMs }));
  }

  private report(sweep: string, { handled, failed }: SweepResult): void {
    if (handled.length > 0) this.logger.debug({ msg: 'order processes swept', sweep, handled: handled.length });
    for (const { orderId, error } of failed) this.logger.warn({ msg: 'order process sweep left an order for the next sweep', sweep, orderId, err: String(error) });
  }
}
