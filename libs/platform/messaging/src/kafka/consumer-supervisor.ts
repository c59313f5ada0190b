import { setTimeout as sleep } from 'node:timers/promises';
import { Consumer, ConsumerConfig, ConsumerRunConfig, Kafka } from 'kafkajs';
import { PlatformLogger } from '../logger';
import { ConsumerStatus } from './consumer-status';
import { retryDelayMs } from './retry-delay';

export interface ConsumerSupervisorOptions {
  readonly kafka: Kafka;
  readonly config: ConsumerConfig;
  readonly topics: readonly string[];
  readonly run: ConsumerRunConfig;
  readonly status: ConsumerStatus;
  readonly logger: PlatformLogger;
  /** A consumer out of its group this long (crashed, stuck restarting) is replaced by a new one. */
  readonly replaceAfterMs: number;
  /** How long an unexplained stop may wait for kafkajs' own restart before the consumer is replaced. */
  readonly stopGraceMs?: number;
}

/**
 * Keeps one kafkajs consumer running for the service, whatever happens to it. kafkajs restarts a
 * consumer after a retriable crash, but not after a non-retriable one (a coordinator that is not
 * found or still loading after a broker restart, say), and nothing notices a consumer that left
 * its group: the service would stay up and consume nothing. This supervisor:
 * - starts the consumer in the background, retrying until the broker answers, so a service starts
 *   (and serves HTTP) while Kafka is down;
 * - replaces the consumer with a new one when kafkajs reports a crash it will not restart from, when
 *   it stops without being asked, or when it has been out of its group for `replaceAfterMs`;
 * - records every step in the {@link ConsumerStatus} (for `/health/kafka`).
 */
export class ConsumerSupervisor {
  #consumer: Consumer | undefined;
  #closing = false;
  #replacing: Promise<void> | undefined;
  #starting: Promise<void> | undefined;
  #inStartLoop = false;
  #watchdog: NodeJS.Timeout | undefined;
  readonly #closed = new AbortController();
  readonly #kafkajsRestarting = new WeakSet<Consumer>();

  constructor(private readonly options: ConsumerSupervisorOptions) {}

  /** The consumer running now (none while it is being replaced). */
  get consumer(): Consumer | undefined {
    return this.#consumer;
  }

  /** Starts the consumer in the background; resolves once the first attempt has connected or failed. */
  start(): Promise<void> {
    this.#starting = this.startLoop();
    const every = Math.max(1_000, Math.min(this.options.replaceAfterMs / 4, 10_000));
    this.#watchdog = setInterval(() => this.checkStuck(), every);
    this.#watchdog.unref();
    return Promise.resolve();
  }

  /** Leaves the group after the batches in hand are handled and their offsets committed. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#closed.abort();
    clearInterval(this.#watchdog);
    await this.#replacing?.catch(() => undefined);
    await this.#starting?.catch(() => undefined);
    await this.#consumer?.disconnect().catch((error: unknown) => this.options.logger.warn({ msg: 'consumer did not disconnect cleanly', err: String(error) }));
    this.options.status.closed();
  }

  private async startLoop(): Promise<void> {
    this.#inStartLoop = true;
    try {
      await this.startConsumer();
    } finally {
      this.#inStartLoop = false;
    }
  }

  /** Creates, connects and runs a consumer, retrying with backoff until that works or the service closes. */
  private async startConsumer(): Promise<void> {
    const { kafka, config, topics, run, logger, status } = this.options;
    for (let attempt = 1; !this.#closing; attempt++) {
      const consumer = kafka.consumer(this.withoutRestartsWhenClosing(config));
      this.watch(consumer);
      this.#consumer = consumer;
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [...topics], fromBeginning: true });
        // Joining runs in the background: failures from here on arrive as CRASH events.
        await consumer.run(run);
        return;
      } catch (error) {
        status.crashed(error);
        logger.warn({ msg: 'consumer could not start; retrying', groupId: config.groupId, attempt, err: String(error) });
        await consumer.disconnect().catch(() => undefined);
        if (this.#closing) return;
        await sleep(retryDelayMs(attempt, 500, 10_000), undefined, { signal: this.#closed.signal }).catch(() => undefined);
      }
    }
  }

  /**
   * kafkajs restarts a consumer whose run crashes with a retriable error, even when the crash came
   * from its own disconnect (a fetch cut off by the closing connection): the restarted consumer
   * would rejoin the group after the service closed. Once closing, no crash restarts it.
   */
  private withoutRestartsWhenClosing(config: ConsumerConfig): ConsumerConfig {
    const restartOnFailure = config.retry?.restartOnFailure;
    return {
      ...config,
      retry: {
        ...config.retry,
        restartOnFailure: async (error) => !this.#closing && (restartOnFailure ? await restartOnFailure(error) : true),
      },
    };
  }

  private watch(consumer: Consumer): void {
    const { status, logger, config } = this.options;
    const current = () => consumer === this.#consumer && !this.#closing;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      if (!current()) {
        // A consumer replaced while kafkajs was restarting it: it must not stay in the group.
        void consumer.disconnect().catch(() => undefined);
        return;
      }
      this.#kafkajsRestarting.delete(consumer);
      status.joined(payload.memberAssignment);
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!current()) return;
      status.crashed(payload.error);
      logger.error({ msg: 'consumer crashed', groupId: config.groupId, restartedByKafkajs: payload.restart, err: String(payload.error) });
      if (payload.restart) this.#kafkajsRestarting.add(consumer);
      else void this.replace(consumer, 'crashed without a restart');
    });
    consumer.on(consumer.events.STOP, () => {
      if (!current()) return;
      status.down();
      // kafkajs stops a consumer before it reports a crash: give the report a moment to arrive.
      setTimeout(() => {
        if (current() && status.phase === 'down' && !this.#kafkajsRestarting.has(consumer)) void this.replace(consumer, 'stopped on its own');
      }, this.options.stopGraceMs ?? 1_000).unref();
    });
  }

  private checkStuck(): void {
    const consumer = this.#consumer;
    const { phase, since } = this.options.status.snapshot();
    if (!consumer || this.#closing || this.#inStartLoop || this.#replacing || phase === 'consuming') return;
    if (Date.now() - since.getTime() >= this.options.replaceAfterMs) void this.replace(consumer, `out of its group since ${since.toISOString()}`);
  }

  private replace(consumer: Consumer, reason: string): Promise<void> {
    if (this.#replacing || this.#inStartLoop || consumer !== this.#consumer) return this.#replacing ?? Promise.resolve();
    this.options.logger.warn({ msg: 'replacing the consumer', groupId: this.options.config.groupId, reason });
    this.options.status.restarted();
    this.#replacing = (async () => {
      this.#consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      if (!this.#closing) await (this.#starting = this.startLoop());
    })().finally(() => {
      this.#replacing = undefined;
    });
    return this.#replacing;
  }
}
