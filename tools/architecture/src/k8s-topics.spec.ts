import { load } from 'js-yaml';
import { loadManifests, loadStack, ofKind } from './k8s-manifests';

/**
 * stack.json is the one declaration of Bazaar's topics (declared, never auto-created).
 * Production declares them again as Strimzi KafkaTopics; these specs fail as soon as the two differ.
 */
const stack = loadStack();
const manifests = loadManifests();
const kafkaTopics = ofKind(manifests, 'KafkaTopic');

const declared = stack.topics.map((topic) => ({
  name: topic.name,
  partitions: topic.partitions ?? stack.kafka.defaultPartitions,
  config: topic.config ?? {},
}));

const deployed = kafkaTopics.map((topic) => ({
  name: (topic.spec.topicName as string | undefined) ?? topic.metadata.name,
  partitions: topic.spec.partitions as number,
  config: Object.fromEntries(Object.entries(topic.spec.config ?? {}).map(([key, value]) => [key, String(value)])),
}));

const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));

describe('Kafka topics on Kubernetes', () => {
  it('are exactly the topics stack.json declares, each declared once', () => {
    expect(deployed.map((topic) => topic.name).sort()).toEqual(declared.map((topic) => topic.name).sort());
  });

  it('have the partitions and topic configs stack.json declares', () => {
    expect(byName(deployed)).toEqual(byName(declared));
  });

  it('belong to the one Kafka cluster, which never creates a topic on its own', () => {
    const [kafka, ...others] = ofKind(manifests, 'Kafka');
    expect(others).toEqual([]);
    expect(kafkaTopics.map((topic) => topic.metadata.labels?.['strimzi.io/cluster'])).toEqual(kafkaTopics.map(() => kafka!.metadata.name));
    expect(kafka!.spec.kafka.config['auto.create.topics.enable']).toBe(false);
  });

  it('keep their partitions and configs in every overlay (only the replica count may change)', () => {
    const patchedPaths = ofKind(manifests, 'Kustomization')
      .flatMap((kustomization) => (kustomization as unknown as { patches?: { target?: { kind?: string }; patch?: string }[] }).patches ?? [])
      .filter((patch) => patch.target?.kind === 'KafkaTopic')
      .flatMap((patch) => (load(patch.patch ?? '[]') as { path: string }[]).map((operation) => operation.path));
    expect(patchedPaths.filter((path) => path !== '/spec/replicas')).toEqual([]);
  });
});
