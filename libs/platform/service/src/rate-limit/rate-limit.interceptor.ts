import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { callerOf, RequestWithCaller } from '../access/caller';
import type { JsonLogger } from '../logger';
import type { ServiceMetrics } from '../observability/metrics';
import { SERVICE_LOGGER, SERVICE_METRICS } from '../tokens';
import { RateLimitExceeded } from './rate-limit-exceeded';
import { RateDecision, RateLimits, routeClassOf } from './rate-limits';

/** Probes must never be refused; `/docs*` and `/metrics` are plain Fastify routes that no interceptor sees. */
const exempt = (route: string) => route.startsWith('/health/') || route.startsWith('/docs') || route === '/metrics';
const FAIL_OPEN_LOG_INTERVAL_MS = 10_000;

/**
 * Takes a point from the caller's bucket before a route runs; over the limit it answers 429 with
 * `Retry-After`. Every counted answer carries `RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset` (seconds) and `RateLimit-Policy`.
 *
 * Why an interceptor and not a guard or a hook: Nest runs every guard — the access guard among
 * them, which verifies the bearer token and sets `request.caller` — before any interceptor, so the
 * bucket is the verified subject's whatever order guards are registered in. A request without a
 * caller (no access guard yet, or a route that needs no token) is counted by its client address.
 * A request the access guard refuses (401/403) is not counted.
 *
 * Redis not answering fails open: the request is served, counted in
 * `bazaar_rate_limit_fail_open_total` and logged (at most once per 10 s with the number skipped).
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  #uncheckedSinceLog = 0;
  #lastLogAt = 0;

  constructor(
    private readonly limits: RateLimits,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithCaller>();
    if (exempt(request.routeOptions.url ?? '')) return next.handle();
    const routeClass = routeClassOf(request.method);
    const decision = await this.limits.take(routeClass, callerKeyOf(request));
    if (decision.kind === 'unchecked') {
      this.metrics.rateLimitFailedOpen(routeClass);
      this.noteUnchecked(decision.error);
      return next.handle();
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    writeRateLimitHeaders(reply, decision);
    if (decision.kind === 'refused') {
      this.metrics.rateLimited(routeClass);
      reply.header('retry-after', String(decision.resetSeconds));
      throw new RateLimitExceeded(routeClass, decision.resetSeconds);
    }
    return next.handle();
  }

  private noteUnchecked(error: unknown): void {
    this.#uncheckedSinceLog += 1;
    const now = Date.now();
    if (now - this.#lastLogAt < FAIL_OPEN_LOG_INTERVAL_MS) return;
    this.logger.warn({
      msg: 'rate limits unchecked: Redis did not answer; serving requests without limits (fail open)',
      unchecked: this.#uncheckedSinceLog,
      err: error instanceof Error ? error.message : String(error),
    });
    this.#uncheckedSinceLog = 0;
    this.#lastLogAt = now;
  }
}

/** The verified subject's bucket, else the client address's. */
function callerKeyOf(request: FastifyRequest & RequestWithCaller): string {
  const subject = callerOf(request)?.subject;
  return subject ? `caller:${encodeURIComponent(subject)}` : `ip:${request.ip}`;
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), the reset in seconds. */
function writeRateLimitHeaders(reply: FastifyReply, decision: Exclude<RateDecision, { kind: 'unchecked' }>): void {
  reply
    .header('ratelimit-limit', String(decision.limit.points))
    .header('ratelimit-remaining', String(decision.remaining))
    .header('ratelimit-reset', String(decision.resetSeconds))
    .header('ratelimit-policy', `${decision.limit.points};w=${decision.limit.durationSeconds}`);
}
