import { allContracts, deadLetterTopic, Topics } from '@bazaar/published-language';
import { loadManifests, loadStack, ofKind } from './k8s-manifests';

/**
 * The published language names the topic of every contract; stack.json declares the topics and who
 * owns them. These specs fail when a contract travels on a topic nobody declared, when a producer
 * publishes on a topic another context owns, or when a declared event topic carries nothing.
 */
const stack = loadStack();
const ownerOf = new Map(stack.topics.map((topic) => [topic.name, topic.owner]));
const deadLetterTopics = new Set(stack.contexts.map((context) => deadLetterTopic(context.name)));
const eventTopics = stack.topics.map((topic) => topic.name).filter((name) => !deadLetterTopics.has(name));
const contractTopics = [...new Set(allContracts.map((contract) => contract.topic))];

describe('topics of the published language', () => {
  it.each(allContracts.map((contract) => [contract.wireType, contract] as const))('%s travels on a topic stack.json declares, owned by its producer', (_wireType, contract) => {
    expect(ownerOf.get(contract.topic)).toBe(contract.producer);
  });

  it('are exactly the event topics stack.json declares (besides the dead letters): none declared for nothing', () => {
    expect(contractTopics.sort()).toEqual([...eventTopics].sort());
  });

  it('are the values of Topics, each once', () => {
    expect(Object.values(Topics).sort()).toEqual([...contractTopics].sort());
  });

  it('that carry news of an order from another context may all be read by Support on Kubernetes, which projects every such event, and the buyers’ keys that open their sealed addresses', () => {
    // Support's own events (its cases) are read from its tables, not from the topic.
    const aboutAnOrder = allContracts.filter((contract) => contract.producer !== 'support' && 'orderId' in ((contract.schema as unknown as { shape?: object }).shape ?? {}));
    const support = ofKind(loadManifests('base'), 'KafkaUser').find((user) => user.metadata.name === 'support')!;
    const acls = support.spec.authorization.acls as { resource: { type: string; name: string }; operations: string[] }[];
    const read = acls.filter((acl) => acl.resource.type === 'topic' && acl.operations.includes('Read')).map((acl) => acl.resource.name);
    expect(read.sort()).toEqual([...new Set([...aboutAnOrder.map((contract) => contract.topic), Topics.checkoutBuyerKeys])].sort());
  });
});
