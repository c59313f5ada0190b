import { HttpException, HttpStatus } from '@nestjs/common';
import type { RouteClass } from './rate-limits';

/** The caller spent its bucket: 429 `too_many_requests` (the problem filter renders it; `Retry-After` is already on the reply). */
export class RateLimitExceeded extends HttpException {
  constructor(routeClass: RouteClass, retryAfterSeconds: number) {
    super(`Too many ${routeClass} requests; retry in ${retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  }
}
