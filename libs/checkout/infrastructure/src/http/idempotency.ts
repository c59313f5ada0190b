import { createHash } from 'node:crypto';
import { IdempotentRequest } from '@bazaar/checkout-application';
import { RequestValidationFailed } from '@bazaar/platform-service';
import { z } from 'zod';

/** Visible ASCII (no spaces or control characters), as UUIDs, ULIDs and base64 keys are. */
const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/);

/** How the header is documented on every route that honours it. */
export const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Up to 200 visible ASCII characters, the caller’s own for 24 hours. The same key and body answer the first order again; the same key with another body is refused (422).',
};

/** The key the caller sent, if any, in the caller's scope (their subject), with a fingerprint of the body it came with. */
export function idempotentRequest(header: string | undefined, body: unknown, scope: string): IdempotentRequest | undefined {
  if (header === undefined) return undefined;
  const key = idempotencyKey.safeParse(header);
  if (!key.success) {
    throw new RequestValidationFailed([{ path: 'header.Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
  }
  return { scope, key: key.data, fingerprint: fingerprintOf(body) };
}

/** SHA-256 of the body as canonical JSON (keys sorted), so key order and whitespace do not count. */
export function fingerprintOf(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}
