import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** Writes (POST, PUT, PATCH, DELETE) and reads (GET, HEAD, OPTIONS) draw on separate buckets. */
export type RouteClass = 'read' | 'write';

/** A bucket of `points` requests, refilled in full every `durationSeconds`. */
export interface BucketLimit {
  readonly points: number;
  readonly durationSeconds: number;
}

export type RateDecision =
  | { readonly kind: 'allowed' | 'refused'; readonly limit: BucketLimit; readonly remaining: number; readonly resetSeconds: number }
  /** Redis did not answer: nothing was counted. */
  | { readonly kind: 'unchecked'; readonly error: unknown };

export function routeClassOf(method: string): RouteClass {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'read' : 'write';
}

/**
 * One bucket per caller and route class, in Redis: every replica takes from the same bucket, and a
 * bucket is counted atomically (one script per request), so replicas cannot both spend its last
 * point. Never throws: Redis being down is an answer (`unchecked`) the caller decides about.
 */
export class RateLimits {
  readonly #limiters: Record<RouteClass, RateLimiterRedis>;

  constructor(
    redis: Redis,
    keyPrefix: string,
    readonly limits: Record<RouteClass, BucketLimit>,
  ) {
    const limiter = (routeClass: RouteClass) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}${routeClass}`,
        points: limits[routeClass].points,
        duration: limits[routeClass].durationSeconds,
        // Not connected (yet, or any more): answer at once instead of queueing behind the reconnect.
        rejectIfRedisNotReady: true,
      });
    this.#limiters = { read: limiter('read'), write: limiter('write') };
  }

  /** Takes one point from `callerKey`'s bucket of `routeClass`. */
  async take(routeClass: RouteClass, callerKey: string): Promise<RateDecision> {
    const limit = this.limits[routeClass];
    try {
      const taken = await this.#limiters[routeClass].consume(callerKey);
      return { kind: 'allowed', limit, remaining: taken.remainingPoints, resetSeconds: secondsOf(taken) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { kind: 'refused', limit, remaining: 0, resetSeconds: secondsOf(rejection) };
      return { kind: 'unchecked', error: rejection };
    }
  }
}

/** Whole seconds until the bucket refills, at least 1 (a client told 0 would retry at once). */
function secondsOf(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}
