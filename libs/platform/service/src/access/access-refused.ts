import { HttpStatus } from '@nestjs/common';

/**
 * The request may not go on: 401 (no valid token: answered with `WWW-Authenticate: Bearer`),
 * 403 (a role or rule forbids it) or 503 (the issuer's keys cannot be fetched). The problem filter answers it.
 */
export class AccessRefused extends Error {
  constructor(
    readonly status: HttpStatus.UNAUTHORIZED | HttpStatus.FORBIDDEN | HttpStatus.SERVICE_UNAVAILABLE,
    readonly code: string,
    readonly title: string,
  ) {
    super(title);
  }

  static unauthenticated(code: string, title: string): AccessRefused {
    return new AccessRefused(HttpStatus.UNAUTHORIZED, code, title);
  }

  static forbidden(code: string, title: string): AccessRefused {
    return new AccessRefused(HttpStatus.FORBIDDEN, code, title);
  }
}
