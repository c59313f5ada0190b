import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkoutWriteOneStatementScript, checkoutWriteScript } from '../lib/ceilings/checkout-write.sql.mjs';

const envelope = JSON.parse(readFileSync(join(__dirname, '../../../libs/published-language/src/examples/checkout.cart-checked-out.v1.json'), 'utf8'));
const message = { envelope, headers: { 'bazaar-event-id': envelope.id, 'bazaar-event-type': 'checkout.cart-checked-out.v1' } };
const script = checkoutWriteScript(message);

describe("the pgbench script of Checkout's write path", () => {
  it('runs the same statements in one transaction: key, order, lines, outbox row (its trigger notifies)', () => {
    const statements = script
      .split('\n')
      .filter((line) => /^[A-Z]/.test(line))
      .map((line) => line.split(' (')[0]!.split(' VALUES')[0]);

    expect(statements).toEqual(['BEGIN;', 'INSERT INTO idempotency_keys', 'INSERT INTO orders', 'INSERT INTO order_lines', 'INSERT INTO outbox', 'END;']);
  });

  it('uses no pgbench variables but its own (JSON colons are followed by a space, so `:null` is not one)', () => {
    const variables = new Set([...script.matchAll(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));

    expect([...variables].sort()).toEqual(['client_id', 'r']);
  });

  it('escapes quotes in the payload for SQL', () => {
    expect(script).toContain("St James''s Square");
  });
});

describe('the one-statement what-if script', () => {
  const oneStatement = checkoutWriteOneStatementScript(message);

  it('writes the same tables in a single statement', () => {
    const lines = oneStatement.trim().split('\n');

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\\set r /);
    for (const table of ['idempotency_keys', 'orders', 'order_lines', 'outbox']) expect(lines[1]).toContain(`INSERT INTO ${table} (`);
    expect(lines[1]).toMatch(/SELECT count\(\*\) FROM o;$/);
  });
});
