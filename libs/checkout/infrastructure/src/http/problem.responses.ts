import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@bazaar/platform-service';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable, machine-readable; switch on this' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/** An RFC 9457 problem answer, documented with the codes a client may switch on. */
export function ApiProblem(status: number, codes: readonly string[]) {
  return applyDecorators(
    ApiResponse({
      status,
      description: `application/problem+json with code ${codes.map((code) => `\`${code}\``).join(', ')}`,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
    }),
  );
}

/** The order's placement rules (422), the same for express checkout and a cart's checkout. */
export const orderRuleCodes = ['order_has_no_lines', 'order_line_limit_exceeded', 'invalid_quantity', 'mixed_currencies', 'non_positive_price', 'duplicate_sku', 'currency_not_accepted'];
