import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually, TopicTap, withKey } from '@bazaar/platform-testing';
import { processSharingKeyRing } from '@bazaar/platform-service';
import { BuyerDataKeyV1, BuyerPersonalDataErasedV1, CartCheckedOutV2, EventHeaders, Topics } from '@bazaar/published-language';
import { openPublishedAddress } from '../acl/sealed-address';
import { checkoutService } from '../checkout.service';
import { anOrderRequest, orderOf, orderReaches, placeOrder } from '../testing/checkout-journeys';

jest.setTimeout(60_000);

const address = { name: 'Margaret Hamilton', line1: '77 Massachusetts Ave', line2: 'Bldg 33', city: 'Cambridge', postalCode: 'MA 02139', country: 'US' };
const personal = [address.name, address.line1, address.line2, address.city, address.postalCode];

describe('Erasing a buyer’s personal data in Checkout (real PostgreSQL and Kafka)', () => {
  let checkout: ServiceUnderTest;
  let orders: TopicTap;
  let keys: TopicTap;

  beforeAll(async () => {
    checkout = await ServiceUnderTest.start(checkoutService);
    orders = await checkout.namespace.tap(Topics.checkoutOrders);
    keys = await checkout.namespace.tap(Topics.checkoutBuyerKeys);
  });

  afterAll(async () => {
    await checkout?.stop();
  });

  /** Every row of every table of Checkout's database, as text, that mentions any of `values`. */
  async function rowsMentioning(values: readonly string[]): Promise<string[]> {
    const { rows: tables } = await checkout.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const { rows } = await checkout.query<{ text: string }>(`SELECT t::text AS text FROM ${name} t`);
      for (const { text } of rows) if (values.some((value) => text.includes(value))) found.push(`${name}: ${text}`);
    }
    return found;
  }

  async function cancelledOrderOf(buyerId: string, shippingAddress: typeof address): Promise<string> {
    const orderId = await placeOrder(checkout, anOrderRequest({ buyerId, shippingAddress }));
    await orderReaches(checkout, orderId, 'payment_authorized', 'awaiting_inventory');
    expect((await checkout.post(`/orders/${orderId}/cancel`, {})).status).toBe(200);
    await orderReaches(checkout, orderId, 'cancelled', 'cancelled');
    return orderId;
  }

  it('stores no plaintext address: the order row holds it sealed, and GET shows it to the buyer', async () => {
    const buyerId = `buyer-${randomUUID()}`;
    const orderId = await placeOrder(checkout, anOrderRequest({ buyerId, shippingAddress: address }));

    const order = await orderOf(checkout, orderId);

    expect(order).toMatchObject({ shippingAddress: address, personalData: 'present' });
    const { rows } = await checkout.query<{ text: string }>('SELECT o::text AS text FROM orders o WHERE id = $1', [orderId]);
    for (const value of personal) expect(rows[0]?.text).not.toContain(value);
    expect(await checkout.count('buyer_keys WHERE buyer_id = $1', [buyerId])).toBe(1);
  });

  it('erases (204, idempotent): the key and the outbox copies go, the orders show as erased, the erasure is published once', async () => {
    const buyerId = `buyer-${randomUUID()}`;
    // Their own name and street, so that other buyers' (unerased) messages do not match.
    const theirs = { ...address, name: `Margaret ${randomUUID()}`, line1: `${randomUUID()} Massachusetts Ave` };
    const orderIds = [await cancelledOrderOf(buyerId, theirs), await cancelledOrderOf(buyerId, theirs)];
    // Published sealed: no plaintext in the outbox or on the topic, but the key shared on checkout.buyer-keys opens it.
    const { rows: before } = await checkout.query<{ text: string }>('SELECT payload::text AS text FROM outbox WHERE message_key = $1', [orderIds[0]]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((row) => row.text.includes(theirs.name) || row.text.includes(theirs.line1))).toBe(false);
    const [checkedOut] = await orders.waitFor((message) => message.key === orderIds[0] && message.headers[EventHeaders.type] === CartCheckedOutV2.wireType);
    const [shared] = await keys.waitFor(withKey(buyerId));
    const { keyId, wrappedKey } = BuyerDataKeyV1.parse(shared!.body).data;
    const { sealedShippingAddress } = CartCheckedOutV2.parse(checkedOut!.body).data;
    expect(sealedShippingAddress.keyId).toBe(keyId);
    expect(openPublishedAddress(processSharingKeyRing().unwrap(wrappedKey, buyerId), buyerId, orderIds[0]!, sealedShippingAddress)).toEqual(theirs);
    await eventually(async () => expect(await checkout.count('outbox WHERE published_at IS NULL')).toBe(0));

    const erased = await checkout.delete(`/buyers/${buyerId}/personal-data`);
    const again = await checkout.delete(`/buyers/${buyerId}/personal-data`);

    expect([erased.status, again.status]).toEqual([204, 204]);
    for (const orderId of orderIds) {
      expect(await orderOf(checkout, orderId)).toMatchObject({
        orderId,
        status: 'cancelled',
        shippingAddress: null,
        personalData: 'erased',
        total: { amount: 3399, currency: 'EUR' },
      });
    }
    expect(await checkout.count('buyer_keys WHERE buyer_id = $1', [buyerId])).toBe(0);
    expect(await rowsMentioning([theirs.name, theirs.line1])).toEqual([]);
    const published = await eventually(async () => {
      const messages = orders.messages.filter(withKey(buyerId));
      expect(messages).toHaveLength(1);
      return messages;
    });
    expect(BuyerPersonalDataErasedV1.parse(published[0]!.body).data).toEqual({ buyerId, orderIds: expect.arrayContaining(orderIds), erasedAt: expect.any(String) });
    expect(await checkout.count(`outbox WHERE event_type = 'checkout.buyer-personal-data-erased.v1' AND message_key = $1`, [buyerId])).toBe(1);
    // The buyer's key on checkout.buyer-keys ends in a tombstone (once), which compaction turns into no key at all.
    const tombstones = await eventually(async () => {
      const last = keys.messages.filter(withKey(buyerId)).filter((message) => message.value === null);
      expect(last).toHaveLength(1);
      return last;
    });
    expect(tombstones[0]!.headers[EventHeaders.type]).toBe(BuyerDataKeyV1.wireType);
    expect(keys.messages.filter(withKey(buyerId)).at(-1)?.value).toBeNull();
  });

  it('refuses (409 buyer_has_orders_in_progress) while an order still needs the address, and erases nothing', async () => {
    const buyerId = `buyer-${randomUUID()}`;
    const orderId = await placeOrder(checkout, anOrderRequest({ buyerId, shippingAddress: address }));

    const refused = await checkout.delete(`/buyers/${buyerId}/personal-data`);

    expect(refused).toMatchObject({ status: 409, body: { code: 'buyer_has_orders_in_progress' } });
    expect(refused.contentType).toContain('application/problem+json');
    expect(await orderOf(checkout, orderId)).toMatchObject({ shippingAddress: address, personalData: 'present' });
    expect(await checkout.count('buyer_keys WHERE buyer_id = $1', [buyerId])).toBe(1);
  });
});
