import { loadManifests, loadStack, Manifest, ofKind, readEnvFile } from './k8s-manifests';

/**
 * The back-office console runs beside the services: on the port stack.json gives it, calling each
 * service by its Service name and port, admitted by each service's network policy, and never
 * handing out development tokens in a cluster.
 */
const stack = loadStack();
const manifests = loadManifests('base');
const named = (kind: string, name: string): Manifest | undefined => ofKind(manifests, kind).find((manifest) => manifest.metadata.name === name);
const config = readEnvFile('k8s/base/console/config.env');

describe('the console on Kubernetes', () => {
  it('listens on the port stack.json gives it, in its config, container and Service', () => {
    const port = stack.console?.port;
    expect(config['PORT']).toBe(String(port));
    expect(named('Deployment', 'console')!.spec.template.spec.containers[0].ports).toContainEqual(expect.objectContaining({ name: 'http', containerPort: port }));
    expect(named('Service', 'console')!.spec.ports).toContainEqual(expect.objectContaining({ port, targetPort: 'http' }));
  });

  it.each(stack.contexts)('reaches $name at its Service and port, and $name admits it', (context) => {
    expect(config[`${context.name.toUpperCase()}_URL`]).toBe(`http://${context.name}:${context.port}`);
    const egressPorts = named('NetworkPolicy', 'console')!.spec.egress.flatMap((rule: { ports: { port: number }[] }) => rule.ports.map((p) => p.port));
    expect(egressPorts).toContain(context.port);
    const admitted = named('NetworkPolicy', context.name)!.spec.ingress.flatMap((rule: { from: { podSelector?: { matchLabels?: Record<string, string> } }[] }) => rule.from);
    expect(admitted).toContainEqual({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'console' } } });
  });

  it('never signs people in with development tokens', () => {
    expect(config['CONSOLE_DEV_TOKENS']).toBe('false');
  });
});
