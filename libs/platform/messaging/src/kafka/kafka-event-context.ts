import { Batch, KafkaMessage } from 'kafkajs';
import { headerValue } from './incoming-message';

/** Where a message came from; the second argument of every event handler. */
export class KafkaEventContext {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    /** The trace context the message was published in (its headers): a consumer span continues it. */
    readonly traceparent?: string,
    readonly tracestate?: string,
  ) {}

  static of(batch: Pick<Batch, 'topic' | 'partition'>, message: KafkaMessage): KafkaEventContext {
    return new KafkaEventContext(batch.topic, batch.partition, message.offset, headerValue(message.headers, 'traceparent'), headerValue(message.headers, 'tracestate'));
  }
}
