import { LoggerService } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { Logger } from 'pino';
import { currentMessageContext, PlatformLogger } from '@bazaar/platform-messaging';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/**
 * Never written: credentials (authorization headers, cookies), payment tokens, postal addresses
 * (names included), and SQL parameters and the values PostgreSQL quotes back in an error's detail
 * (a failed statement's `parameters` hold whatever the request carried), wherever a line carries
 * them (a request, a command, an event's data, an error's details). TypeORM's own query logging is
 * off (`libs/platform/database`), so statements are never logged with their values.
 */
export const redactedPaths = [
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'paymentToken',
  '*.paymentToken',
  '*.*.paymentToken',
  'shippingAddress',
  '*.shippingAddress',
  '*.*.shippingAddress',
  'address',
  '*.address',
  '*.*.address',
  'parameters',
  '*.parameters',
  '*.driverError.parameters',
  '*.detail',
  '*.driverError.detail',
  '*.*.driverError.detail',
];

/** The trace and span of the current work: the active OpenTelemetry span, else the message context's `traceparent`. */
function traceIds(): { trace_id?: string; span_id?: string } {
  const active = trace.getActiveSpan()?.spanContext();
  if (active && isSpanContextValid(active)) return { trace_id: active.traceId, span_id: active.spanId };
  const match = TRACEPARENT.exec(currentMessageContext()?.traceparent ?? '');
  return match ? { trace_id: match[1], span_id: match[2] } : {};
}

/**
 * JSON logs, one line per entry, stamped with the correlation id of the current work and its
 * `trace_id`/`span_id`, with {@link redactedPaths} replaced by `[Redacted]`.
 */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[Redacted]' },
    mixin() {
      const context = currentMessageContext();
      return { ...(context ? { correlationId: context.correlationId, causationId: context.causationId } : {}), ...traceIds() };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's logger interface (and the platform's) on top of pino. */
export class JsonLogger implements LoggerService, PlatformLogger {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    // Nest passes its context (a class name) as the last string parameter.
    const context = typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
    if (message instanceof Error) this.pino[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ context, ...message });
    else this.pino[level]({ context }, String(message));
  }
}
