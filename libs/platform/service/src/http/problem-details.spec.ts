import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import { RequestValidationFailed, toProblem } from './problem-details';

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

  it('keeps the status of framework errors with a stable code', () => {
    expect(toProblem(new NotFoundException())).toMatchObject({ status: 404, code: 'not_found' });
    expect(toProblem(new PayloadTooLargeException())).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('answers anything unexpected with a 500 that reveals nothing', () => {
    const problem = toProblem(new Error('password=hunter2 in a stack trace'));
    expect(problem).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});
