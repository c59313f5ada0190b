import { join } from 'node:path';
import { Tree } from '@nx/devkit';
import { loadAll } from 'js-yaml';
import { FsTree } from 'nx/src/generators/tree';
import { z } from 'zod';
import { instantSchema, moneySchema } from '@bazaar/published-language';
import { readStack } from '../workspace-files';
import { integrationEventGenerator } from './generator';

const workspace = join(__dirname, '../../../../..');

describe('nx g integration-event', () => {
  let tree: Tree;
  const text = (path: string) => tree.read(path, 'utf-8') ?? '';
  const options = {
    context: 'finance',
    event: 'payout-scheduled',
    aggregate: 'payouts',
    fields: 'payoutId:uuid,sellerId:text,amount:money,scheduledFor:instant,attempt:int',
    description: 'a seller payout was scheduled.',
  };

  beforeAll(async () => {
    tree = new FsTree(workspace, false);
    await integrationEventGenerator(tree, options);
  });

  it('writes the contract with its TSDoc, fields and topic', () => {
    const contract = text('libs/published-language/src/finance/payout-scheduled.v1.ts');
    expect(contract).toContain('`finance.payout-scheduled.v1` — a seller payout was scheduled.');
    expect(contract).toContain('export const PayoutScheduledV1 = defineEvent({');
    expect(contract).toContain('    amount: moneySchema,\n');
    expect(contract).toContain('  topic: Topics.financePayouts,');
  });

  it('records an example that the same schema accepts, and the schema snapshot the compatibility check reads', () => {
    const schema = z.object({ payoutId: z.uuid(), sellerId: z.string().min(1), amount: moneySchema, scheduledFor: instantSchema, attempt: z.number().int() });
    const example = JSON.parse(text('libs/published-language/src/examples/finance.payout-scheduled.v1.json'));
    expect(() => schema.parse(example.data)).not.toThrow();
    expect(z.uuid().safeParse(example.id).success).toBe(true);
    expect(JSON.parse(text('libs/published-language/schemas/finance.payout-scheduled.v1.schema.json'))).toEqual(
      JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'output' }))),
    );
  });

  it('declares the new topic and lets only its owner write it', () => {
    expect(readStack(tree).topics).toContainEqual({ name: 'finance.payouts', owner: 'finance', config: { 'retention.ms': '-1' } });
    const users = loadAll(text('k8s/base/data/kafka/users.yaml')) as {
      metadata: { name: string };
      spec: { authorization: { acls: { resource: { name: string }; operations: string[] }[] } };
    }[];
    const writers = users.filter((user) => user.spec.authorization.acls.some((acl) => acl.resource.name === 'finance.payouts' && acl.operations.includes('Write')));
    expect(writers.map((user) => user.metadata.name)).toEqual(['finance']);
  });

  it('refuses to overwrite a published version (a breaking change is a new version)', async () => {
    await expect(integrationEventGenerator(tree, options)).rejects.toThrow(/--version 2/);
  });

  it('refuses a field of an unknown type', async () => {
    await expect(integrationEventGenerator(tree, { ...options, event: 'other', fields: 'x:float' })).rejects.toThrow(/the type is one of/);
  });
});
