import { randomBytes, randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dataKeyId, KeyRing, sealWith } from '@bazaar/platform-service';
import {
  BuyerDataKeyV1,
  CartCheckedOutV1,
  CartCheckedOutV2,
  EventContract,
  EventEnvelope,
  eventHeaders,
  EventHeaders,
  PaymentAuthorizedV1,
  PaymentAuthorizedV2,
  sealedAddressPurpose,
} from '@bazaar/published-language';
import { PublishedPersonalData } from '../acl/sealed-address';
import { BuyerDataKeys } from '../persistence/buyer-data-keys';

/** Where a buyer's data key comes from: Checkout's `buyer_keys` (created for a buyer not erased who has none yet); `undefined` once erased. */
export type DataKeyOf = (buyerId: string) => Promise<Buffer | undefined>;

/**
 * A buyer's data key from Checkout's database: their key; for a buyer from before the keys whose
 * orders still hold their plaintext address (not erased), a key created now; none for an erased buyer.
 */
export function checkoutDataKeys(dataSource: DataSource, keys: BuyerDataKeys): DataKeyOf {
  return (buyerId) =>
    dataSource.transaction(async (manager) => {
      const existing = await keys.existing(manager, buyerId);
      if (existing) return existing;
      const legacy = (await manager.query('SELECT 1 AS found FROM orders WHERE buyer_id = $1 AND ship_name IS NOT NULL LIMIT 1', [buyerId])) as unknown[];
      return legacy.length > 0 ? keys.forWriting(manager, buyerId) : undefined;
    });
}

export interface ResealOptions {
  readonly kafka: Kafka;
  /** `checkout.orders` under the deployment's prefix. */
  readonly ordersTopic: string;
  /** `checkout.buyer-keys` under the deployment's prefix: the keys of the buyers whose history was resealed are published there. */
  readonly buyerKeysTopic: string;
  readonly dataKeyOf: DataKeyOf;
  /** The sharing KEKs (PERSONAL_DATA_SHARING_KEKS) that wrap the published keys. */
  readonly sharing: KeyRing;
  /** A consumer group of its own, used once, never committed. */
  readonly groupId: string;
  /** Reads and counts, writes nothing (default false). */
  readonly dryRun?: boolean;
  /** How long to wait for the reads (default 10 minutes). */
  readonly timeoutMs?: number;
}

export interface ResealReport {
  /** Messages read below the cut (every partition's end when the run began). */
  readonly read: number;
  /** v1 events whose address was sealed with the buyer's key into a v2 copy. */
  readonly resealed: number;
  /** v1 events of erased buyers, sealed with a key thrown away at once: unreadable for good. */
  readonly shredded: number;
  /** Per partition, the offset before which the original messages were deleted (nothing when dry). */
  readonly truncatedBefore: Readonly<Record<number, string>>;
}

const addressCarrying = new Map<string, EventContract<unknown>>([
  [CartCheckedOutV1.wireType, CartCheckedOutV2],
  [PaymentAuthorizedV1.wireType, PaymentAuthorizedV2],
]);

type Producer = ReturnType<Kafka['producer']>;

/**
 * The one-off remedy for the plaintext addresses of the v1 history on `checkout.orders`
 * (docs/data-protection.md). Every message below the cut (each partition's end when it starts) is
 * appended again to the end of its own partition, unchanged except that a v1 event carrying the
 * address becomes its v2 — same event id, the address sealed with the buyer's data key, or with a
 * random key thrown away at once when the buyer was erased — and then the originals are deleted
 * (`deleteTopicRecords` up to the cut). Consumers deduplicate by event id, so the copies change nothing
 * for them; a rebuild of Support from the new start still finds the whole history. The keys of the
 * buyers whose addresses were resealed are published on `checkout.buyer-keys`, so Support opens
 * them after a rebuild. Run it once every consumer is past the last v1 event.
 */
export async function resealOrderHistory(options: ResealOptions): Promise<ResealReport> {
  const { kafka, ordersTopic, dryRun = false } = options;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cut = new Map<number, bigint>();
    for (const { partition, high, low } of await admin.fetchTopicOffsets(ordersTopic)) if (BigInt(high) > BigInt(low)) cut.set(partition, BigInt(high));
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const counts = await copyBelowCut(options, cut, producer, dryRun);
      if (!dryRun && cut.size > 0) {
        await admin.deleteTopicRecords({ topic: ordersTopic, partitions: [...cut].map(([partition, offset]) => ({ partition, offset: offset.toString() })) });
      }
      return { ...counts, truncatedBefore: dryRun ? {} : Object.fromEntries([...cut].map(([partition, offset]) => [partition, offset.toString()])) };
    } finally {
      await producer.disconnect();
    }
  } finally {
    await admin.disconnect();
  }
}

async function copyBelowCut(options: ResealOptions, cut: ReadonlyMap<number, bigint>, producer: Producer, dryRun: boolean): Promise<Omit<ResealReport, 'truncatedBefore'>> {
  const { kafka, ordersTopic, buyerKeysTopic, sharing, dataKeyOf } = options;
  const pending = new Set(cut.keys());
  const keys = new Map<string, Buffer | undefined>();
  const keyOf = async (buyerId: string) => {
    if (!keys.has(buyerId)) keys.set(buyerId, await dataKeyOf(buyerId));
    return keys.get(buyerId);
  };
  let read = 0;
  let resealed = 0;
  let shredded = 0;
  let failure: unknown;
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 250 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [ordersTopic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const end = cut.get(batch.partition);
        if (end === undefined || failure) return;
        const copies: { key: Buffer | null; value: string | Buffer | null; headers: IHeaders; partition: number }[] = [];
        try {
          for (const message of batch.messages) {
            if (BigInt(message.offset) >= end) break;
            read += 1;
            const copy = await copyOf(message, keyOf);
            if (copy.outcome === 'resealed') resealed += 1;
            if (copy.outcome === 'shredded') shredded += 1;
            copies.push({ key: message.key, value: copy.value, headers: copy.headers, partition: batch.partition });
            if (BigInt(message.offset) === end - 1n) pending.delete(batch.partition);
          }
          if (!dryRun && copies.length > 0) await producer.send({ topic: ordersTopic, acks: -1, messages: copies });
        } catch (error) {
          failure = error;
          return;
        }
        for (const message of batch.messages) resolveOffset(message.offset);
        await heartbeat();
      },
    });
    const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
    while (pending.size > 0 && !failure) {
      if (Date.now() > deadline) throw new Error(`reseal: partitions ${[...pending].join(', ')} of ${ordersTopic} not read to their end in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (failure) throw failure;
  } finally {
    await consumer.disconnect();
  }
  if (!dryRun) {
    const published = [...keys].flatMap(([buyerId, dataKey]) => (dataKey ? [{ buyerId, data: new PublishedPersonalData(buyerId, dataKey, sharing).sharedKey() }] : []));
    if (published.length > 0) {
      await producer.send({
        topic: buyerKeysTopic,
        acks: -1,
        messages: published.map(({ buyerId, data }) => keyMessage(buyerId, data)),
      });
    }
  }
  return { read, resealed, shredded };
}

/** The copy of one message: as it was, or a v1 address event as its v2. */
async function copyOf(message: KafkaMessage, keyOf: DataKeyOf): Promise<{ value: Buffer | string | null; headers: IHeaders; outcome: 'as-is' | 'resealed' | 'shredded' }> {
  const headers = { ...(message.headers ?? {}) };
  const type = headers[EventHeaders.type]?.toString();
  const next = type ? addressCarrying.get(type) : undefined;
  if (!next || !message.value) return { value: message.value, headers, outcome: 'as-is' };
  const previous = type === CartCheckedOutV1.wireType ? CartCheckedOutV1 : PaymentAuthorizedV1;
  const envelope = previous.parse(JSON.parse(message.value.toString('utf8'))) as EventEnvelope<CartCheckedOutV1 | PaymentAuthorizedV1>;
  const { shippingAddress, ...rest } = envelope.data;
  const dataKey = await keyOf(rest.buyerId);
  // An erased buyer's address is sealed with a key nobody keeps: it is shredded as it is written.
  const key = dataKey ?? randomBytes(32);
  const sealedShippingAddress = {
    algorithm: 'AES-256-GCM' as const,
    keyId: dataKeyId(key),
    ciphertext: sealWith(key, JSON.stringify(shippingAddress), sealedAddressPurpose(rest.buyerId, rest.orderId)),
  };
  const v2 = next.parse({ ...envelope, version: next.version, data: { ...rest, sealedShippingAddress } });
  return { value: JSON.stringify(v2), headers: { ...headers, [EventHeaders.type]: next.wireType }, outcome: dataKey ? 'resealed' : 'shredded' };
}

function keyMessage(buyerId: string, data: BuyerDataKeyV1) {
  const id = randomUUID();
  const envelope: EventEnvelope<BuyerDataKeyV1> = {
    id,
    type: BuyerDataKeyV1.type,
    version: BuyerDataKeyV1.version,
    occurredAt: new Date().toISOString(),
    producer: 'checkout',
    aggregateId: buyerId,
    correlationId: id,
    causationId: null,
    traceparent: null,
    tracestate: null,
    data: BuyerDataKeyV1.schema.parse(data),
  };
  return { key: buyerId, value: JSON.stringify(envelope), headers: eventHeaders(envelope) };
}
