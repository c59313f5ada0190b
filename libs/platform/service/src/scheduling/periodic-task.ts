import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { PlatformLogger } from '@bazaar/platform-messaging';
import { SERVICE_LOGGER, SERVICE_METRICS } from '../tokens';

/** One round of a periodic task; answers `true` when more work is waiting, and the next round then starts at once. */
export type Round = () => Promise<boolean | void>;

/** Where a task's rounds are counted (`bazaar_periodic_task_runs_total`). */
export interface PeriodicTaskMetrics {
  periodicTaskRan(task: string, outcome: 'succeeded' | 'failed'): void;
}

/**
 * Runs a round every `intervalMs`, never two at once: the next round is timed from the end of the
 * last one. A failed round is logged and counted, and the next one tries again. `stop()` cancels the
 * next round and waits for the one under way; a round that loops may end early on `stopping`.
 */
export class PeriodicTask {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly round: Round,
    private readonly logger: PlatformLogger,
    private readonly metrics?: PeriodicTaskMetrics,
  ) {}

  get stopping(): boolean {
    return this.#stopped;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.schedule(this.intervalMs);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  private schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => (this.#running = this.runRound()), delayMs);
  }

  private async runRound(): Promise<void> {
    let more = false;
    try {
      more = (await this.round()) === true;
      this.metrics?.periodicTaskRan(this.name, 'succeeded');
    } catch (error) {
      this.metrics?.periodicTaskRan(this.name, 'failed');
      this.logger.warn({ msg: `${this.name} failed; the next round tries again`, task: this.name, err: String(error) });
    }
    this.schedule(more ? 0 : this.intervalMs);
  }
}

/**
 * The service's periodic tasks, on the Nest lifecycle: a provider asks for one in its constructor
 * (`tasks.every(ms, 'name', round)`), it starts once the application has, and stops (finishing the
 * round under way) before the database closes. Every replica runs every task: their work is shared
 * through row locks, not elected.
 */
@Injectable()
export class PeriodicTasks implements OnApplicationBootstrap, OnModuleDestroy {
  readonly #tasks: PeriodicTask[] = [];
  #started = false;

  constructor(
    @Inject(SERVICE_LOGGER) private readonly logger: PlatformLogger,
    @Inject(SERVICE_METRICS) private readonly metrics: PeriodicTaskMetrics,
  ) {}

  every(intervalMs: number, name: string, round: Round): PeriodicTask {
    const task = new PeriodicTask(name, intervalMs, round, this.logger, this.metrics);
    this.#tasks.push(task);
    if (this.#started) task.start();
    return task;
  }

  onApplicationBootstrap(): void {
    this.#started = true;
    for (const task of this.#tasks) task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.#tasks.map((task) => task.stop()));
  }
}
