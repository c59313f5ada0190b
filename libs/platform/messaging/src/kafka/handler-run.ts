import { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { EventEnvelope, wireType } from '@bazaar/published-language';
import { PlatformLogger } from '../logger';
import { currentTraceparent, runInMessageContext } from '../message-context';
import { ConsumerMetrics } from '../observability';
import { inConsumerSpan } from '../tracing';
import { KafkaEventContext } from './kafka-event-context';

/**
 * Runs a handler once on an envelope, in a consumer span continuing the message's trace and in the
 * message's context (its correlation id and trace reach whatever the handler writes), and reports
 * the run to the metrics.
 */
export function runHandler(
  handler: MessageHandler,
  envelope: EventEnvelope,
  context: KafkaEventContext,
  run: { readonly groupId: string; readonly attempt: number; readonly logger: PlatformLogger; readonly metrics?: ConsumerMetrics },
): Promise<void> {
  const eventType = wireType(envelope.type, envelope.version);
  const started = performance.now();
  const ran = (outcome: 'handled' | 'failed') =>
    run.metrics?.handlerRan({ topic: context.topic, partition: context.partition, eventType, outcome, seconds: (performance.now() - started) / 1000 });
  const message = {
    topic: context.topic,
    partition: context.partition,
    offset: context.offset,
    groupId: run.groupId,
    eventType,
    eventId: envelope.id,
    traceparent: context.traceparent ?? envelope.traceparent,
    tracestate: context.tracestate ?? envelope.tracestate,
  };
  return inConsumerSpan(message, () =>
    runInMessageContext(
      {
        correlationId: envelope.correlationId ?? envelope.id,
        causationId: envelope.id,
        traceparent: currentTraceparent(message.traceparent),
        tracestate: envelope.tracestate ?? null,
      },
      async () => {
        try {
          const result = await handler(envelope, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        } catch (error) {
          ran('failed');
          throw error;
        }
        ran('handled');
        run.logger.debug?.({
          msg: 'event handled',
          type: envelope.type,
          version: envelope.version,
          eventId: envelope.id,
          topic: context.topic,
          partition: context.partition,
          offset: context.offset,
          attempt: run.attempt,
          ms: Math.round(performance.now() - started),
        });
      },
    ),
  );
}
