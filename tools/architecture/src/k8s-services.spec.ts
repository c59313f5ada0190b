import { loadManifests, loadStack, Manifest, ofKind, readEnvFile } from './k8s-manifests';

/**
 * Each context in stack.json runs on Kubernetes as one service with its own port, its own database
 * and role, and a Kafka user that may write exactly the topics the context owns.
 */
const stack = loadStack();
const manifests = loadManifests('base');

const named = (kind: string, name: string): Manifest | undefined => ofKind(manifests, kind).find((manifest) => manifest.metadata.name === name);

describe.each(stack.contexts)('the $name service on Kubernetes', (context) => {
  it('listens on the port stack.json gives it, in its config, container and Service', () => {
    const container = named('Deployment', context.name)!.spec.template.spec.containers[0];
    const service = named('Service', context.name)!;
    expect(readEnvFile(`k8s/base/${context.name}/config.env`).PORT).toBe(String(context.port));
    expect(container.ports).toContainEqual(expect.objectContaining({ name: 'http', containerPort: context.port }));
    expect(service.spec.ports).toContainEqual(expect.objectContaining({ port: context.port, targetPort: 'http' }));
  });

  it('gets its own PostgreSQL cluster, bootstrapped with its database, owner role and a runtime role that only connects', () => {
    const cluster = named('Cluster', `${context.name}-db`)!;
    const { postInitApplicationSQL, ...initdb } = cluster.spec.bootstrap.initdb;
    expect(initdb).toEqual({ database: context.database, owner: context.owner });
    expect(postInitApplicationSQL).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^CREATE ROLE ${context.role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`)),
        `REVOKE ALL ON DATABASE ${context.database} FROM PUBLIC`,
        `GRANT CONNECT ON DATABASE ${context.database} TO ${context.role}`,
        'REVOKE CONNECT ON DATABASE postgres FROM PUBLIC',
        'REVOKE ALL ON SCHEMA public FROM PUBLIC',
      ]),
    );
    expect(cluster.spec.managed.roles).toEqual([expect.objectContaining({ name: context.role, passwordSecret: { name: `${context.name}-db-runtime` } })]);
    expect(cluster.spec.enableSuperuserAccess).toBe(false);
  });

  it('migrates as the owner role and serves as the runtime role, each from its own Secret', () => {
    const pod = named('Deployment', context.name)!.spec.template.spec;
    const secretOf = (container: { env: { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[] }, name: string) =>
      container.env.find((variable) => variable.name === name)?.valueFrom?.secretKeyRef?.name;
    const migrate = pod.initContainers.find((container: { name: string }) => container.name === 'migrate');
    expect(migrate.command).toEqual(['node', `dist/apps/${context.name}/main.js`, 'migrate']);
    expect(secretOf(migrate, 'DATABASE_MIGRATION_URL')).toBe(`${context.name}-database-owner`);
    expect(secretOf(migrate, 'DATABASE_URL')).toBe(`${context.name}-database`);
    expect(secretOf(pod.containers[0], 'DATABASE_URL')).toBe(`${context.name}-database`);
    expect(secretOf(pod.containers[0], 'DATABASE_MIGRATION_URL')).toBeUndefined();
    expect(readEnvFile(`k8s/base/${context.name}/config.env`).MIGRATE_ON_START).toBe('false');
  });

  it('may write exactly the topics its context owns', () => {
    const owned = stack.topics.filter((topic) => topic.owner === context.name).map((topic) => topic.name);
    const acls = named('KafkaUser', context.name)!.spec.authorization.acls as { resource: { type: string; name: string }; operations: string[] }[];
    const written = acls.filter((acl) => acl.resource.type === 'topic' && acl.operations.includes('Write')).map((acl) => acl.resource.name);
    expect(written.sort()).toEqual(owned.sort());
  });
});

describe.each(stack.externalSystems ?? [])('the $name stand-in on Kubernetes', (system) => {
  it('listens on the port stack.json gives it, in its config, container and Service', () => {
    const container = named('Deployment', system.name)!.spec.template.spec.containers[0];
    expect(readEnvFile(`k8s/base/${system.name}/config.env`).PORT).toBe(String(system.port));
    expect(container.ports).toContainEqual(expect.objectContaining({ name: 'http', containerPort: system.port }));
    expect(named('Service', system.name)!.spec.ports).toContainEqual(expect.objectContaining({ port: system.port, targetPort: 'http' }));
  });

  it('gets its own PostgreSQL cluster with its database and owner role, and no Kafka user', () => {
    expect(named('Cluster', `${system.name}-db`)!.spec.bootstrap.initdb).toEqual({ database: system.database, owner: system.role });
    expect(named('KafkaUser', system.name)).toBeUndefined();
  });

  it('admits HTTP from Finance only, which may reach it', () => {
    const policy = named('NetworkPolicy', system.name)!;
    expect(policy.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'finance' } } }], ports: [{ port: 'http', protocol: 'TCP' }] }]);
    const financeEgress = named('NetworkPolicy', 'finance')!.spec.egress as { to: { podSelector?: { matchLabels?: Record<string, string> } }[]; ports: { port: number }[] }[];
    expect(financeEgress).toContainEqual({ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': system.name } } }], ports: [{ port: system.port, protocol: 'TCP' }] });
  });
});

it('stack.json names the legacy billing stand-in', () => {
  expect((stack.externalSystems ?? []).map((system) => system.name)).toEqual(['legacy-billing']);
});
