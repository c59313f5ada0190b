import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { allContracts } from './catalog';
import { breakingChanges } from './compatibility';

/**
 * Every published version has a committed JSON Schema snapshot in `schemas/`. A change that is not
 * additive fails here, and so in CI. New contracts: run once with UPDATE_CONTRACT_SNAPSHOTS=1 and
 * commit the new file; existing snapshots are never rewritten by that flag.
 */
const schemasDir = join(__dirname, '../schemas');
const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;

describe('published versions only grow additively', () => {
  it.each(allContracts.map((c) => [c.wireType, c] as const))('%s is compatible with its published snapshot', (wire, contract) => {
    const file = join(schemasDir, `${wire}.schema.json`);
    const current = jsonSchemaOf(contract.schema);
    if (!existsSync(file) && process.env['UPDATE_CONTRACT_SNAPSHOTS'] === '1') writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
    expect(existsSync(file)).toBe(true);
    const published = JSON.parse(readFileSync(file, 'utf8'));
    expect(breakingChanges(published, current)).toEqual([]);
  });
});

describe('the compatibility rule', () => {
  const v1 = jsonSchemaOf(z.object({ orderId: z.string(), total: z.object({ amount: z.number().int(), currency: z.string() }), note: z.string().optional() }));

  it('accepts a new optional field', () => {
    const grown = jsonSchemaOf(
      z.object({ orderId: z.string(), total: z.object({ amount: z.number().int(), currency: z.string() }), note: z.string().optional(), gift: z.boolean().optional() }),
    );
    expect(breakingChanges(v1, grown)).toEqual([]);
  });

  it('rejects a removed field, a retyped field, a new required field and a field that became required', () => {
    const broken = jsonSchemaOf(z.object({ orderId: z.number(), total: z.object({ amount: z.number().int() }), note: z.string(), gift: z.boolean() }));
    expect(breakingChanges(v1, broken)).toEqual([
      '$.orderId: changed from {type:"string"} to {type:"number"}',
      '$.total.currency: removed',
      '$.total.currency: no longer required',
      '$.note: became required',
      '$.gift: added as required (add it as optional)',
    ]);
  });
});
