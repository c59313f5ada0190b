import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JsonLogger } from '@bazaar/platform-service';

/**
 * Runs `tick` every `intervalMs` on every replica (the work it does is shared through row locks,
 * not elected), right away again when a tick found a full batch, and stops before the database
 * closes, finishing the tick under way. A failed tick is logged and the next one tries again.
 */
export abstract class IntervalWorker implements OnApplicationBootstrap, OnModuleDestroy {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  protected constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    protected readonly logger: JsonLogger,
  ) {}

  /** One round of work; answers whether more is waiting (then the next round starts at once). */
  abstract tick(): Promise<boolean>;

  onApplicationBootstrap(): void {
    this.schedule(this.intervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  private schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      let more = false;
      this.#running = this.tick()
        .then((answer) => {
          more = answer;
        })
        .catch((error: unknown) => this.logger.warn({ msg: `${this.name} failed; the next round tries again`, err: String(error) }))
        .finally(() => this.schedule(more ? 0 : this.intervalMs));
    }, delayMs);
  }
}
