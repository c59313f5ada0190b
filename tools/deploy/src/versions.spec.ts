import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { renderKustomization } from './render';
import { workspace } from './workspace';

/**
 * One Kafka version, declared in docker/provisioning/stack.json, runs everywhere — the local broker
 * (tools/stack/kafka/pom.xml), docker-compose.yml and Kubernetes — and it is one the Strimzi release
 * that docs/deploying.md pins can run; the CRDs k8s/ is validated against are that release's.
 */
const read = (path: string) => readFileSync(join(workspace, path), 'utf8');
const kafkaVersion = (JSON.parse(read('docker/provisioning/stack.json')) as { kafka: { version: string } }).kafka.version;
const platform = JSON.parse(read('tools/deploy/platform.json')) as { strimzi: { version: string; kafkaVersions: string[] } };

describe('the Kafka version', () => {
  it('is the default of the local broker’s Maven download', () => {
    expect(read('tools/stack/kafka/pom.xml')).toContain(`<kafka.version>${kafkaVersion}</kafka.version>`);
  });

  it('is the docker-compose broker image', () => {
    const compose = load(read('docker-compose.yml')) as { services: { kafka: { image: string } } };
    expect(compose.services.kafka.image).toBe(`apache/kafka:${kafkaVersion}`);
  });

  it.each(['k8s/overlays/dev', 'k8s/overlays/prod'])('is the Strimzi Kafka cluster’s version in %s', (overlay) => {
    const kafkas = renderKustomization(overlay).filter((object) => object.kind === 'Kafka');
    expect(kafkas.map((kafka) => kafka['spec'].kafka.version)).toEqual([kafkaVersion]);
  });

  it('is one the pinned Strimzi release supports', () => {
    expect(platform.strimzi.kafkaVersions).toContain(kafkaVersion);
  });
});

describe('the Strimzi version', () => {
  it('is the release whose CRDs the manifests are validated against', () => {
    expect(read('tools/deploy/schemas/strimzi/VERSION').trim()).toBe(platform.strimzi.version);
  });

  it('is pinned, exactly, in docs/deploying.md with the Kafka version', () => {
    const deploying = read('docs/deploying.md');
    expect(deploying).toContain(`[Strimzi](https://strimzi.io) **${platform.strimzi.version}**`);
    expect(deploying).toContain(`Kafka ${kafkaVersion}`);
    expect(deploying).not.toMatch(/Strimzi[^\n]*or later/);
  });
});
