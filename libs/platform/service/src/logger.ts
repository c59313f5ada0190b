import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { currentMessageContext, PlatformLogger, traceIdOf } from '@bazaar/platform-messaging';

/** JSON logs, one line per entry, stamped with the correlation id and trace id of the current work. */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const context = currentMessageContext();
      if (!context) return {};
      return { correlationId: context.correlationId, causationId: context.causationId, traceId: traceIdOf(context.traceparent) };
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
