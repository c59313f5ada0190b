import { loadManifests, loadStack, Manifest, ofKind, readEnvFile } from './k8s-manifests';

/**
 * Each context in stack.json runs on Kubernetes as one service with its own port, its own database
 * and role, and a Kafka user that may write exactly the topics the context owns.
 */
const stack = loadStack();
const manifests = loadManifests('base');

const named = (kind: string, name: string): Manifest | undefined =>
  ofKind(manifests, kind).find((manifest) => manifest.metadata.name === name);

describe.each(stack.contexts)('the $name service on Kubernetes', (context) => {
  it('listens on the port stack.json gives it, in its config, container and Service', () => {
    const container = named('Deployment', context.name)!.spec.template.spec.containers[0];
    const service = named('Service', context.name)!;
    expect(readEnvFile(`k8s/base/${context.name}/config.env`).PORT).toBe(String(context.port));
    expect(container.ports).toContainEqual(expect.objectContaining({ name: 'http', containerPort: context.port }));
    expect(service.spec.ports).toContainEqual(expect.objectContaining({ port: context.port, targetPort: 'http' }));
  });

  it('gets its own PostgreSQL cluster, bootstrapped with its database and owner role', () => {
    const cluster = named('Cluster', `${context.name}-db`)!;
    expect(cluster.spec.bootstrap.initdb).toEqual({ database: context.database, owner: context.role });
    expect(cluster.spec.enableSuperuserAccess).toBe(false);
  });

  it('may write exactly the topics its context owns', () => {
    const owned = stack.topics.filter((topic) => topic.owner === context.name).map((topic) => topic.name);
    const acls = named('KafkaUser', context.name)!.spec.authorization.acls as { resource: { type: string; name: string }; operations: string[] }[];
    const written = acls.filter((acl) => acl.resource.type === 'topic' && acl.operations.includes('Write')).map((acl) => acl.resource.name);
    expect(written.sort()).toEqual(owned.sort());
  });
});
