import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Redis } from 'ioredis';
import type { ServiceConfig } from '../config';
import type { JsonLogger } from '../logger';
import { SERVICE_LOGGER } from '../tokens';
import { RateLimitInterceptor } from './rate-limit.interceptor';
import { RateLimits } from './rate-limits';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/** Closes the Redis connection with the service. */
@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * The per-caller rate limits (docs/abuse.md): the Redis connection, the buckets and the global
 * interceptor that spends them. Nothing when `RATE_LIMIT_ENABLED=false`.
 */
@Module({})
export class RateLimitModule {
  static forService(config: ServiceConfig): DynamicModule {
    if (!config.RATE_LIMIT_ENABLED) return { module: RateLimitModule };
    return {
      module: RateLimitModule,
      providers: [
        { provide: RATE_LIMIT_REDIS, useFactory: (logger: JsonLogger) => connectRedis(config, logger), inject: [SERVICE_LOGGER] },
        {
          provide: RateLimits,
          useFactory: (redis: Redis) =>
            new RateLimits(redis, config.RATE_LIMIT_KEY_PREFIX, {
              read: { points: config.RATE_LIMIT_READ_POINTS, durationSeconds: config.RATE_LIMIT_READ_DURATION_S },
              write: { points: config.RATE_LIMIT_WRITE_POINTS, durationSeconds: config.RATE_LIMIT_WRITE_DURATION_S },
            }),
          inject: [RATE_LIMIT_REDIS],
        },
        RedisLifecycle,
        { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
      ],
    };
  }
}

/**
 * Connects in the background and keeps reconnecting; meanwhile (and whenever a command takes
 * longer than the timeout) the limiter answers "unchecked" at once instead of queueing requests.
 */
function connectRedis(config: ServiceConfig, logger: JsonLogger): Redis {
  const redis = new Redis(config.REDIS_URL, {
    enableOfflineQueue: false,
    commandTimeout: config.RATE_LIMIT_REDIS_TIMEOUT_MS,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
  });
  let lastLoggedAt = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastLoggedAt < 10_000) return;
    lastLoggedAt = Date.now();
    logger.warn({ msg: 'rate-limit Redis unavailable; requests are served unchecked until it is back', err: error.message });
  });
  return redis;
}
