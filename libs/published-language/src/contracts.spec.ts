import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allContracts } from './catalog';
import { ContractViolation } from './contract';

const examplesDir = join(__dirname, 'examples');
const exampleOf = (wireType: string): unknown => JSON.parse(readFileSync(join(examplesDir, `${wireType}.json`), 'utf8'));

describe('published contracts', () => {
  it.each(allContracts.map((c) => [c.wireType, c] as const))('%s has a recorded example that parses', (wire, contract) => {
    const parsed = contract.parse(exampleOf(wire));
    expect(`${parsed.type}.v${parsed.version}`).toBe(wire);
    expect(parsed.producer).toBe(contract.producer);
  });

  it('every recorded example belongs to a contract', () => {
    const wires = allContracts.map((c) => `${c.wireType}.json`).sort();
    expect(readdirSync(examplesDir).sort()).toEqual(wires);
  });

  it('gives every recorded example its own event id (consumers deduplicate by it)', () => {
    const ids = allContracts.map((c) => (exampleOf(c.wireType) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tolerates fields added later by the producer (additive evolution)', () => {
    const [contract] = allContracts;
    const example = exampleOf(contract!.wireType) as { data: Record<string, unknown> };
    expect(() => contract!.parse({ ...example, data: { ...example.data, addedInV1_1: true } })).not.toThrow();
  });

  it('rejects a message whose data breaks the contract, naming the field', () => {
    const [contract] = allContracts;
    const example = exampleOf(contract!.wireType) as { data: Record<string, unknown> };
    const broken = { ...example, data: { ...example.data, orderId: 'not-a-uuid' } };
    expect(() => contract!.parse(broken)).toThrow(ContractViolation);
    expect(() => contract!.parse(broken)).toThrow(/orderId/);
  });

  it('rejects a message of another type or version', () => {
    const [contract] = allContracts;
    const example = exampleOf(contract!.wireType) as Record<string, unknown>;
    expect(() => contract!.parse({ ...example, version: 2 })).toThrow(ContractViolation);
  });
});
