import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ConsumerSnapshot, ConsumerStatus } from '@bazaar/platform-messaging';
import { deadLetterTopic } from '@bazaar/published-language';
import { prefixedTopic, type ServiceConfig } from '../config';
import type { ServiceDefinition } from '../platform.module';
import { KAFKA, SERVICE_CONFIG, SERVICE_DEFINITION } from '../tokens';

/** The broker as last seen; asked at most every few seconds (probes are frequent, brokers shared). */
interface BrokerView {
  readonly reachable: boolean;
  /** Messages retained on the service's dead-letter topic (what `stack dead-letters` lists). */
  readonly parkedDeadLetters: number | null;
  readonly checkedAt: Date;
}

/**
 * `down`: the broker does not answer or the consumer is not in its group (it is being restarted);
 * `degraded`: consuming, but some partitions are stalled on a transient failure; `up` otherwise.
 */
export type KafkaHealthStatus = 'up' | 'degraded' | 'down';

export interface KafkaHealthReport {
  readonly status: KafkaHealthStatus;
  readonly broker: 'up' | 'down';
  /** The consumer's phase, partitions, stalled partitions, restarts; null for a service that consumes nothing. */
  readonly consumer: ConsumerSnapshot | null;
  readonly deadLetters: {
    readonly topic: string;
    /** Retained on the topic (30 days), whoever parked them; null while the broker does not answer. */
    readonly parked: number | null;
    /** Parked by this replica since it started. */
    readonly parkedByThisReplica: number;
  };
  /** Outbox rows not yet published (the relay is waiting for the broker, or catching up). */
  readonly outboxBacklog: number | null;
}

/**
 * The service's messaging health, apart from its readiness: a broker outage must not take a
 * service out of load balancing when its HTTP routes need only the database. `/health/kafka`
 * answers it, and metrics read the same numbers (`report()`).
 */
@Injectable()
export class KafkaHealth implements OnApplicationShutdown {
  #broker: BrokerView | undefined;
  #checking: Promise<BrokerView> | undefined;
  #admin: Promise<Admin> | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition,
    private readonly consumer: ConsumerStatus,
    private readonly dataSource: DataSource,
  ) {}

  async report(): Promise<KafkaHealthReport> {
    const [broker, outboxBacklog] = await Promise.all([this.broker(), this.outboxBacklog()]);
    const consumer = this.definition.consumes.length > 0 ? this.consumer.snapshot() : null;
    const consuming = consumer === null || consumer.phase === 'consuming';
    const status: KafkaHealthStatus = !broker.reachable || !consuming ? 'down' : (consumer?.stalled.length ?? 0) > 0 ? 'degraded' : 'up';
    return {
      status,
      broker: broker.reachable ? 'up' : 'down',
      consumer,
      deadLetters: { topic: this.deadLetterTopic(), parked: broker.parkedDeadLetters, parkedByThisReplica: consumer?.deadLettered ?? 0 },
      outboxBacklog,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.#admin?.then((admin) => admin.disconnect()).catch(() => undefined);
  }

  private deadLetterTopic(): string {
    return prefixedTopic(this.config, deadLetterTopic(this.definition.name));
  }

  private broker(): Promise<BrokerView> {
    const last = this.#broker;
    if (last && Date.now() - last.checkedAt.getTime() < 5_000) return Promise.resolve(last);
    this.#checking ??= this.checkBroker().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  /** One request answers both questions: the dead-letter topic's offsets. */
  private async checkBroker(): Promise<BrokerView> {
    try {
      const admin = await this.admin();
      const offsets = await admin.fetchTopicOffsets(this.deadLetterTopic());
      const parked = offsets.reduce((sum, partition) => sum + (Number(partition.high) - Number(partition.low)), 0);
      this.#broker = { reachable: true, parkedDeadLetters: parked, checkedAt: new Date() };
    } catch {
      const admin = this.#admin;
      this.#admin = undefined;
      await admin?.then((a) => a.disconnect()).catch(() => undefined);
      this.#broker = { reachable: false, parkedDeadLetters: null, checkedAt: new Date() };
    }
    return this.#broker;
  }

  private admin(): Promise<Admin> {
    this.#admin ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      return admin;
    })();
    return this.#admin;
  }

  private async outboxBacklog(): Promise<number | null> {
    try {
      const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')) as { n: number }[];
      return row?.n ?? 0;
    } catch {
      return null;
    }
  }
}
