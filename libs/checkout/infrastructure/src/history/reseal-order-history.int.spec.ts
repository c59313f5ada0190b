import { randomUUID } from 'node:crypto';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ephemeralKeyRing, KeyRing } from '@bazaar/platform-service';
import { anEvent, createTopicNamespace, kafkaMessage, testKafka, TopicNamespace } from '@bazaar/platform-testing';
import { BuyerDataKeyV1, CartCheckedOutV1, CartCheckedOutV2, EventHeaders, OrderConfirmedV1, PaymentAuthorizedV1, PaymentAuthorizedV2, Topics } from '@bazaar/published-language';
import { openPublishedAddress } from '../acl/sealed-address';
import { BuyerDataKeys } from '../persistence/buyer-data-keys';
import { checkoutMigrations } from '../persistence/migrations';
import { checkoutDataKeys, resealOrderHistory } from './reseal-order-history';

jest.setTimeout(90_000);

describe('Resealing the plaintext v1 history of checkout.orders (real PostgreSQL and Kafka)', () => {
  let namespace: TopicNamespace;
  let database: MigratedTestDatabase;
  const keys = new BuyerDataKeys(ephemeralKeyRing());
  const sharing = new KeyRing([{ id: 'share', key: Buffer.alloc(32, 9) }]);

  beforeAll(async () => {
    namespace = await createTopicNamespace(testKafka(), { partitions: 2 });
    database = await createMigratedTestDatabase(checkoutMigrations);
  });

  afterAll(async () => {
    await namespace?.delete();
    await database?.drop();
  });

  const anAddress = (who: string) => ({ name: `${who} ${randomUUID()}`, line1: `${randomUUID()} Old Street`, city: 'London', postalCode: 'EC1V 9LT', country: 'GB' });

  it('rewrites every v1 address into a sealed v2 (same event id), shreds the erased buyers’, publishes the keys, and deletes the originals', async () => {
    const [kept, erased, legacy] = [`buyer-${randomUUID()}`, `buyer-${randomUUID()}`, `buyer-${randomUUID()}`];
    const [keptOrder, erasedOrder, legacyOrder] = [randomUUID(), randomUUID(), randomUUID()];
    const addresses = { [kept]: anAddress('Kept'), [erased]: anAddress('Erased'), [legacy]: anAddress('Legacy') };
    const keptKey = await database.dataSource.transaction((manager) => keys.forWriting(manager, kept));
    // A buyer from before the keys, not erased: their order still holds the plaintext address.
    await database.dataSource.query(
      `INSERT INTO orders (id, buyer_id, status, total_amount, total_currency, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, payment_token, placed_at, version)
       VALUES ($1, $2, 'completed', 3399, 'EUR', $3, $4, 'London', 'EC1V 9LT', 'GB', 'tok_ok', now(), 1)`,
      [legacyOrder, legacy, addresses[legacy]!.name, addresses[legacy]!.line1],
    );
    const history = [
      anEvent(CartCheckedOutV1, { data: { orderId: keptOrder, buyerId: kept, shippingAddress: addresses[kept] } }),
      anEvent(PaymentAuthorizedV1, { data: { orderId: keptOrder, buyerId: kept, shippingAddress: addresses[kept] } }),
      anEvent(OrderConfirmedV1, { data: { orderId: keptOrder } }),
      anEvent(CartCheckedOutV1, { data: { orderId: erasedOrder, buyerId: erased, shippingAddress: addresses[erased] } }),
      anEvent(CartCheckedOutV1, { data: { orderId: legacyOrder, buyerId: legacy, shippingAddress: addresses[legacy] } }),
    ];
    for (const envelope of history) await namespace.send(Topics.checkoutOrders, kafkaMessage(envelope));

    const report = await resealOrderHistory({
      kafka: testKafka(),
      ordersTopic: namespace.topic(Topics.checkoutOrders),
      buyerKeysTopic: namespace.topic(Topics.checkoutBuyerKeys),
      dataKeyOf: checkoutDataKeys(database.dataSource, keys),
      sharing,
      groupId: namespace.group('reseal'),
    });

    expect(report).toMatchObject({ read: 5, resealed: 3, shredded: 1 });
    // The originals are gone: each partition now starts at the cut.
    const admin = testKafka().admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(namespace.topic(Topics.checkoutOrders)).finally(() => admin.disconnect());
    expect(Object.fromEntries(offsets.filter(({ low }) => low !== '0').map(({ partition, low }) => [partition, low]))).toEqual(report.truncatedBefore);
    expect(Object.values(report.truncatedBefore).reduce((sum, offset) => sum + Number(offset), 0)).toBe(5);
    const orders = await namespace.tap(Topics.checkoutOrders);
    const rewritten = await orders.waitFor(() => true, { count: 5 });
    expect(rewritten.map((message) => message.body && (message.body as { id: string }).id).sort()).toEqual(history.map((envelope) => envelope.id).sort());
    const all = JSON.stringify(rewritten);
    for (const address of Object.values(addresses)) {
      expect(all).not.toContain(address.name);
      expect(all).not.toContain(address.line1);
    }
    const byId = (id: string) => rewritten.find((message) => (message.body as { id: string }).id === id)!;
    const checkedOut = CartCheckedOutV2.parse(byId(history[0]!.id).body);
    expect(byId(history[0]!.id).headers[EventHeaders.type]).toBe(CartCheckedOutV2.wireType);
    expect(openPublishedAddress(keptKey, kept, keptOrder, checkedOut.data.sealedShippingAddress)).toEqual(addresses[kept]);
    expect(openPublishedAddress(keptKey, kept, keptOrder, PaymentAuthorizedV2.parse(byId(history[1]!.id).body).data.sealedShippingAddress)).toEqual(addresses[kept]);
    expect(OrderConfirmedV1.parse(byId(history[2]!.id).body)).toEqual(history[2]);
    // The erased buyer's address was sealed with a key nobody has: no key of theirs is published or stored.
    expect(CartCheckedOutV2.parse(byId(history[3]!.id).body).data.sealedShippingAddress.keyId).not.toBe(checkedOut.data.sealedShippingAddress.keyId);

    const published = await (await namespace.tap(Topics.checkoutBuyerKeys)).waitFor(() => true, { count: 2 });
    const shared = published.map((message) => BuyerDataKeyV1.parse(message.body).data);
    expect(shared.map((key) => key.buyerId).sort()).toEqual([kept, legacy].sort());
    const legacyKey = sharing.unwrap(shared.find((key) => key.buyerId === legacy)!.wrappedKey, legacy);
    expect(openPublishedAddress(legacyKey, legacy, legacyOrder, CartCheckedOutV2.parse(byId(history[4]!.id).body).data.sealedShippingAddress)).toEqual(addresses[legacy]);
    expect(await database.dataSource.query('SELECT buyer_id FROM buyer_keys WHERE buyer_id = ANY($1) ORDER BY buyer_id', [[kept, erased, legacy]])).toEqual(
      [kept, legacy].sort().map((buyer_id) => ({ buyer_id })),
    );
  });
});
