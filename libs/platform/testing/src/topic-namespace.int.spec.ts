import { CartCheckedOutV1, EventHeaders } from '@bazaar/published-language';
import { caughtUp, consumedPast, withAdmin } from './consumer-groups';
import { eventually } from './eventually';
import { anEvent, kafkaMessage } from './recorded-events';
import { testKafka } from './test-infrastructure';
import { createTopicNamespace, declaredTopics, TopicNamespace } from './topic-namespace';
import { withData, withKey } from './topic-tap';

describe('a topic namespace', () => {
  const kafka = testKafka();
  let namespace: TopicNamespace;

  beforeAll(async () => {
    namespace = await createTopicNamespace(kafka);
  });

  afterAll(async () => {
    await namespace?.delete();
  });

  it('holds its own copy of every declared topic, with three partitions', async () => {
    const topics = declaredTopics().map((name) => namespace.topic(name));
    const metadata = await withAdmin(kafka, (admin) => admin.fetchTopicMetadata({ topics }));

    expect(topics).toContain(`${namespace.prefix}checkout.orders`);
    expect(metadata.topics.map((topic) => topic.partitions.length)).toEqual(topics.map(() => 3));
    expect(() => namespace.topic('checkout.everything')).toThrow(/not declared/);
  });

  it('lets a tap read what was sent before it started, headers and body parsed', async () => {
    const event = anEvent(CartCheckedOutV1);
    await namespace.send('checkout.orders', kafkaMessage(event), { key: event.aggregateId, value: 'not JSON' });

    const tap = await namespace.tap('checkout.orders');
    const read = await tap.waitFor(withKey(event.aggregateId), { count: 2 });

    expect(read.map((message) => message.body)).toEqual([event, undefined]);
    expect(read[0]!.headers[EventHeaders.type]).toBe('checkout.cart-checked-out.v1');
    expect(tap.matching(withData('orderId', event.data.orderId))).toHaveLength(1);
  });

  it('tells when a consumer group has handled a message and caught up', async () => {
    const group = namespace.group('reader');
    const sent = await namespace.send('finance.ledgers', { key: 'k', value: 'one' }, { key: 'k', value: 'two' });
    const consumer = kafka.consumer({ groupId: group });
    await consumer.connect();
    await consumer.subscribe({ topics: [namespace.topic('finance.ledgers')], fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    try {
      await consumedPast(kafka, group, sent);
      await caughtUp(kafka, group, namespace.topic('finance.ledgers'));
    } finally {
      await consumer.disconnect();
    }
  });

  it('deletes its topics and consumer groups, and nothing else', async () => {
    const other = await createTopicNamespace(kafka);
    await other.tap('support.dead-letters');

    await other.delete();

    // The broker deletes topics asynchronously: metadata may list them for a moment after the call returns.
    await eventually(async () => {
      const { topics, groups } = await withAdmin(kafka, async (admin) => ({ topics: await admin.listTopics(), groups: (await admin.listGroups()).groups }));
      expect(topics.filter((topic) => topic.startsWith(other.prefix))).toEqual([]);
      expect(groups.filter((group) => group.groupId.startsWith(other.prefix))).toEqual([]);
      expect(topics).toContain(namespace.topic('checkout.orders'));
    });
  });
});
