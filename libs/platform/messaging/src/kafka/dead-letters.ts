import { KafkaMessage, Producer } from 'kafkajs';
import { ConsumerMetrics, errorTypeOf } from '../observability';

/** Header names added to a dead-lettered message; the original key, body and headers are kept. */
export const DeadLetterHeaders = {
  error: 'bazaar-dlt-error',
  errorType: 'bazaar-dlt-error-type',
  sourceTopic: 'bazaar-dlt-source-topic',
  sourcePartition: 'bazaar-dlt-source-partition',
  sourceOffset: 'bazaar-dlt-source-offset',
  consumerGroup: 'bazaar-dlt-consumer-group',
  attempts: 'bazaar-dlt-attempts',
  failedAt: 'bazaar-dlt-failed-at',
} as const;

/**
 * Parks a message that can never be processed, with the reason, so that the partition keeps moving
 * and an operator can inspect it and replay it onto its source topic once the cause is fixed. The
 * producer connects on first use (and again after a failed connect), so a service starts while the
 * broker is down; a send that fails throws, and the caller retries it later.
 */
export class DeadLetters {
  #connected: Promise<void> | undefined;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly consumerGroup: string,
    private readonly metrics?: Pick<ConsumerMetrics, 'deadLettered'>,
  ) {}

  async close(): Promise<void> {
    if (this.#connected) await this.producer.disconnect().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.#connected ??= this.producer.connect().catch((error: unknown) => {
      this.#connected = undefined;
      throw error;
    });
    return this.#connected;
  }

  async send(message: KafkaMessage, source: { topic: string; partition: number; offset: string }, error: unknown, attempts: number): Promise<void> {
    await this.connect();
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [DeadLetterHeaders.error]: (error instanceof Error ? error.message : String(error)).slice(0, 4_000),
            [DeadLetterHeaders.errorType]: errorTypeOf(error),
            [DeadLetterHeaders.sourceTopic]: source.topic,
            [DeadLetterHeaders.sourcePartition]: String(source.partition),
            [DeadLetterHeaders.sourceOffset]: source.offset,
            [DeadLetterHeaders.consumerGroup]: this.consumerGroup,
            [DeadLetterHeaders.attempts]: String(attempts),
            [DeadLetterHeaders.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
    this.metrics?.deadLettered(source.topic, source.partition, error);
  }
}
