import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, Message, Producer, RecordMetadata } from 'kafkajs';
import { createTopicsReady, deleteGroups, withAdmin } from './consumer-groups';
import { testKafka, uniqueName } from './test-infrastructure';
import { TopicTap } from './topic-tap';

/** The one declaration of Bazaar's topics, which the local stack and Kubernetes provision too. */
const stackDeclaration = join(__dirname, '../../../../docker/provisioning/stack.json');

/** Every topic name declared in docker/provisioning/stack.json. */
export function declaredTopics(): string[] {
  const stack = JSON.parse(readFileSync(stackDeclaration, 'utf8')) as { topics: { name: string }[] };
  return stack.topics.map((topic) => topic.name);
}

/**
 * A test file's own copy of every declared topic, under a unique prefix: a service started with
 * `KAFKA_TOPIC_PREFIX: namespace.prefix` produces, consumes and dead-letters only in here, so test
 * events never reach the real topics (which keep everything, and which Support replays). Consumer
 * groups named with `group()` and the taps live in it too; `delete()` removes all of it.
 */
export class TopicNamespace {
  readonly #taps: TopicTap[] = [];
  #producer: Promise<Producer> | undefined;

  private constructor(
    readonly kafka: Kafka,
    readonly prefix: string,
    private readonly names: readonly string[],
  ) {}

  static async create(kafka: Kafka, partitions: number): Promise<TopicNamespace> {
    const namespace = new TopicNamespace(kafka, `${uniqueName('test')}.`, declaredTopics());
    await withAdmin(kafka, (admin) =>
      createTopicsReady(
        admin,
        namespace.names.map((name) => namespace.topic(name)),
        partitions,
      ),
    );
    return namespace;
  }

  /** The namespaced name of a declared topic, e.g. `checkout.orders` → `test_3fa9c1d2e4.checkout.orders`. */
  topic(name: string): string {
    if (!this.names.includes(name)) throw new Error(`${name} is not declared in docker/provisioning/stack.json`);
    return `${this.prefix}${name}`;
  }

  /** A consumer group id inside the namespace, removed with it. */
  group(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Produces to a namespaced topic, acknowledged by every replica; answers where it landed (send one message when that matters). */
  async send(name: string, ...messages: Message[]): Promise<RecordMetadata> {
    this.#producer ??= this.connectedProducer();
    const [sent] = await (await this.#producer).send({ topic: this.topic(name), acks: -1, messages });
    if (!sent) throw new Error(`the broker acknowledged nothing sent to ${name}`);
    return sent;
  }

  private async connectedProducer(): Promise<Producer> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return producer;
  }

  /** Starts reading a namespaced topic from its beginning; stopped by `delete()`. */
  async tap(name: string): Promise<TopicTap> {
    const tap = await TopicTap.start(this.kafka, this.topic(name), this.group(uniqueName('tap')));
    this.#taps.push(tap);
    return tap;
  }

  /** Stops its taps and producer, then deletes its consumer groups and topics. Stop the services first. */
  async delete(): Promise<void> {
    await Promise.all([...this.#taps.map((tap) => tap.stop()), this.#producer?.then((producer) => producer.disconnect())]);
    await withAdmin(this.kafka, async (admin) => {
      const { groups } = await admin.listGroups();
      await deleteGroups(
        this.kafka,
        groups.map((group) => group.groupId).filter((id) => id.startsWith(this.prefix)),
      );
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(this.prefix));
      if (topics.length > 0) await admin.deleteTopics({ topics });
    });
  }
}

/** Creates a namespace of every declared topic with a few partitions (enough to test ordering and scale-out). */
export function createTopicNamespace(kafka: Kafka = testKafka(), options: { partitions?: number } = {}): Promise<TopicNamespace> {
  return TopicNamespace.create(kafka, options.partitions ?? 3);
}
