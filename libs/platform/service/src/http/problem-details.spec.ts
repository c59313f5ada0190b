import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import { AccessRefused } from '../access/access-refused';
import { RequestValidationFailed, retryAfterSeconds, toProblem } from './problem-details';

class ShelfMissing extends DomainError {
  readonly code = 'shelf_missing';
  readonly kind = 'not_found' as const;
}
class TooManyShelves extends DomainError {
  readonly code = 'too_many_shelves';
  readonly kind = 'invalid' as const;
}

describe('errors as problem details', () => {
  it('maps a broken rule to 422, a missing thing to 404 and a concurrent change to 409, with the rule code', () => {
    expect(toProblem(new TooManyShelves('at most 3 shelves'))).toMatchObject({ status: 422, code: 'too_many_shelves', detail: 'at most 3 shelves' });
    expect(toProblem(new ShelfMissing('no shelf 9'))).toMatchObject({ status: 404, code: 'shelf_missing' });
    expect(toProblem(new ConcurrencyConflict('Shelf', 's-1'))).toMatchObject({ status: 409, code: 'concurrency_conflict' });
  });

  it('names each invalid field of a request', () => {
    const problem = toProblem(new RequestValidationFailed([{ path: 'lines.0.quantity', message: 'Expected number' }]));
    expect(problem).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ path: 'lines.0.quantity', message: 'Expected number' }] });
  });

  it('recognises a malformed JSON body that Nest wrapped around the parser error', () => {
    const parserError = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(toProblem(new BadRequestException('Bad Request', { cause: parserError }))).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('never repeats what the client sent: a media type, a URL, an unknown route', () => {
    const mediaType = Object.assign(new Error('Unsupported Media Type: text/<script>'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', name: 'FastifyError' });
    const badUrl = Object.assign(new Error("'/x/<script>%E0%A4%A' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL', name: 'FastifyError' });
    const problems = [toProblem(new BadRequestException('Unsupported', { cause: mediaType })), toProblem(badUrl), toProblem(new NotFoundException('Cannot GET /x/<script>'))];
    expect(problems).toEqual([
      expect.objectContaining({ status: 415, code: 'unsupported_media_type' }),
      expect.objectContaining({ status: 400, code: 'malformed_url' }),
      expect.objectContaining({ status: 404, code: 'not_found', title: 'No route matches this request' }),
    ]);
    expect(JSON.stringify(problems)).not.toContain('<script>');
  });

  it('maps a refused token to 401, a forbidden role or rule to 403, with their codes', () => {
    expect(toProblem(AccessRefused.unauthenticated('token_expired', 'The token has expired'))).toMatchObject({ status: 401, code: 'token_expired' });
    expect(toProblem(AccessRefused.forbidden('role_not_allowed', 'Your roles do not allow this'))).toMatchObject({ status: 403, code: 'role_not_allowed' });
  });

  it('keeps the status of framework errors with a stable code', () => {
    expect(toProblem(new NotFoundException())).toMatchObject({ status: 404, code: 'not_found' });
    expect(toProblem(new PayloadTooLargeException())).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('answers a database that cannot be reached, or is too busy, with a 503 and how long to wait', () => {
    const unreachable = toProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const busy = toProblem(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }));

    expect(unreachable).toMatchObject({ status: 503, code: 'database_unavailable' });
    expect(retryAfterSeconds(unreachable)).toBe(5);
    expect(busy).toMatchObject({ status: 503, code: 'database_busy' });
    expect(retryAfterSeconds(busy)).toBe(1);
    expect(JSON.stringify(unreachable)).not.toContain('5432');
    expect(retryAfterSeconds(toProblem(new TooManyShelves('at most 3 shelves')))).toBeUndefined();
    expect(retryAfterSeconds(toProblem(new AccessRefused(503, 'issuer_unavailable', 'The issuer cannot be reached')))).toBe(5);
  });

  it('answers anything unexpected with a 500 that reveals nothing', () => {
    const problem = toProblem(new Error('password=hunter2 in a stack trace'));
    expect(problem).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});
