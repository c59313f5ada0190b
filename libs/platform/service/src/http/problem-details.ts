import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { throwError } from 'rxjs';
import { transientDatabaseFailure } from '@bazaar/platform-database';
import { DomainError } from '@bazaar/shared-kernel';
import { AccessRefused } from '../access/access-refused';
import { RequestRefused } from './request-refused';

/** RFC 9457 problem details, plus the stable `code` clients switch on. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: readonly { path: string; message: string }[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The request does not match the route's schema; each issue names the offending field. */
export class RequestValidationFailed extends Error {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(`Request is invalid: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`);
  }

  static fromIssues(issues: readonly StandardSchemaV1.Issue[]): RequestValidationFailed {
    return new RequestValidationFailed(
      issues.map((issue) => ({
        path: (issue.path ?? []).map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment))).join('.'),
        message: issue.message,
      })),
    );
  }
}

const statusOfKind = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
} as const;

export function problem(status: number, code: string, title: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: `https://bazaar.example/problems/${code.replace(/_/g, '-')}`, title, status, code, ...extra };
}

/** Maps any thrown error to a problem; unknown errors become a 500 that leaks nothing. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof AccessRefused) return problem(error.status, error.code, error.title);
  if (error instanceof DomainError) return problem(statusOfKind[error.kind], error.code, error.name, { detail: error.message });
  const database = transientDatabaseFailure(error);
  if (database === 'unavailable') return problem(HttpStatus.SERVICE_UNAVAILABLE, 'database_unavailable', 'The database is unavailable; try again shortly');
  if (database) return problem(HttpStatus.SERVICE_UNAVAILABLE, 'database_busy', 'The database is busy; try again shortly');
  if (error instanceof RequestValidationFailed) {
    return problem(HttpStatus.BAD_REQUEST, 'invalid_request', 'The request is invalid', { detail: error.message, errors: error.issues });
  }
  if (error instanceof RequestRefused) return problem(error.status, error.code, error.title, error.errors ? { errors: error.errors } : {});
  // Nest's error handler (which replaces Fastify's) wraps Fastify's client errors, such as a
  // malformed JSON body, in an HttpException whose cause is the original error. Their messages
  // can quote the input (a media type, a URL, a piece of the body): the answer never does.
  const fastifyError = (error instanceof HttpException ? error.cause : error) as { statusCode?: number; code?: string } | undefined;
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const [code, title] = fastifyProblems[fastifyError.code ?? ''] ?? [codeOfStatus(fastifyError.statusCode), STATUS_CODES[fastifyError.statusCode] ?? 'Bad request'];
    return problem(fastifyError.statusCode, code, title);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest's answer to an unknown route says `Cannot GET <the url>`: not repeated.
    const title = status === 404 && error.message.startsWith('Cannot ') ? 'No route matches this request' : error.message;
    return problem(status, codeOfStatus(status), title);
  }
  return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', 'Something went wrong on our side');
}

/** Fastify's client errors: a stable code and a title that quotes nothing. */
const fastifyProblems: Readonly<Record<string, readonly [code: string, title: string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['malformed_json', 'The body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['malformed_json', 'The body is empty but says it is JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The body is larger than this route takes'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'This route takes application/json bodies'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid_content_length', 'The body does not match its Content-Length'],
  FST_ERR_CTP_INVALID_TYPE: ['unsupported_media_type', 'The Content-Type header is not valid'],
  FST_ERR_BAD_URL: ['malformed_url', 'The request URL is not validly encoded'],
  FST_ERR_INVALID_URL: ['malformed_url', 'The request URL is not valid'],
};

function codeOfStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 406:
      return 'not_acceptable';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 414:
      return 'uri_too_long';
    case 431:
      return 'headers_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'unprocessable';
    case 429:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
}

/**
 * How long a client should wait before trying again, for answers that say so: a database that
 * cannot be reached gets a few seconds (a failover takes about that), a busy one a moment.
 */
export function retryAfterSeconds(details: ProblemDetails): number | undefined {
  if (details.code === 'database_unavailable') return 5;
  if (details.code === 'database_busy') return 1;
  if (details.code === 'issuer_unavailable') return 5;
  return undefined;
}

/**
 * The one place errors become HTTP answers. For Kafka handlers (rpc) it rethrows the original
 * error untouched so the transport can tell permanent failures from transient ones.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly onServerError: (error: unknown) => void) {}

  catch(error: unknown, host: ArgumentsHost) {
    if (host.getType() === 'rpc') return throwError(() => error);
    const details = toProblem(error);
    if (details.status >= 500) this.onServerError(error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const retryAfter = retryAfterSeconds(details);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    // RFC 6750: a refused bearer token says which scheme and why.
    if (details.status === 401) reply.header('www-authenticate', bearerChallenge(details.code));
    return reply.status(details.status).header('content-type', PROBLEM_CONTENT_TYPE).send(details);
  }
}

/** RFC 6750 §3: no token gets the bare challenge; a refused one says `invalid_token`. */
function bearerChallenge(code: string): string {
  return code === 'token_missing' ? 'Bearer realm="bazaar"' : `Bearer realm="bazaar", error="invalid_token", error_description="${code}"`;
}
