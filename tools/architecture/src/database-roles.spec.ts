import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { loadStack, workspace } from './k8s-manifests';

/**
 * Every context declared in stack.json gets the owner/runtime split everywhere it runs, and proves
 * its grants against PostgreSQL (docs/data-protection.md): a new context cannot skip either.
 */
const stack = loadStack();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const compose = load(readFileSync(join(workspace, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string> }>;
};
const envExample = Object.fromEntries(
  readFileSync(join(workspace, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z0-9_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
const passwordOf = (role: string) => `${role.toUpperCase()}_PASSWORD`;

describe.each(stack.contexts)("the $name context's database roles", (context) => {
  it('has an owner role apart from its runtime role', () => {
    expect(context.owner).toMatch(/^[a-z_][a-z0-9_]*$/);
    expect(context.owner).not.toBe(context.role);
  });

  it('checks its runtime role against PostgreSQL in a spec (describeRuntimeRole)', () => {
    const specs = [...filesUnder(join(workspace, 'libs', context.name)), ...filesUnder(join(workspace, 'apps', context.name))].filter((path) => path.endsWith('.spec.ts'));
    expect(specs.some((path) => readFileSync(path, 'utf8').includes('describeRuntimeRole('))).toBe(true);
  });

  it('has one password per role in compose: both for the provision job, only the runtime one for the service', () => {
    const provision = compose.services['provision']?.environment ?? {};
    expect(provision[passwordOf(context.owner)]).toContain(`\${${passwordOf(context.owner)}:?`);
    expect(provision[passwordOf(context.role)]).toContain(`\${${passwordOf(context.role)}:?`);
    const service = compose.services[context.name]?.environment ?? {};
    expect(service['DATABASE_URL']).toMatch(new RegExp(`^postgres://${context.role}:\\$\\{${passwordOf(context.role)}:\\?`));
    expect(JSON.stringify(service)).not.toContain(passwordOf(context.owner));
  });

  it('has distinct development passwords in .env.example', () => {
    const [owner, runtime] = [envExample[passwordOf(context.owner)], envExample[passwordOf(context.role)]];
    expect(owner).toBeTruthy();
    expect(runtime).toBeTruthy();
    expect(owner).not.toBe(runtime);
  });
});

it('gives every role of every context its own development password', () => {
  const passwords = stack.contexts.flatMap((context) => [envExample[passwordOf(context.owner)], envExample[passwordOf(context.role)]]);
  expect(new Set(passwords).size).toBe(passwords.length);
});
