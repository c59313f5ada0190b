import { randomUUID } from 'node:crypto';
import { anEvent, eventually } from '@bazaar/platform-testing';
import { BuyerPersonalDataErasedV1 } from '@bazaar/published-language';
import { CaseOrderViewResponse } from '../http/case-order-views.schemas';
import { aSealingBuyer, publish, publishKeyTombstone, startedSupport } from '../testing/published-events';

jest.setTimeout(90_000);

/**
 * Addresses that reach Support sealed (`checkout.cart-checked-out.v2`, `…payment-authorized.v2`)
 * and the buyers' keys from `checkout.buyer-keys`, against real PostgreSQL and Kafka. Support and
 * this test share the process's sharing KEK (Support's default settings).
 */
describe('Support opens sealed addresses with the buyers’ shared keys (real PostgreSQL and Kafka)', () => {
  const { support, view, rowsMentioning } = startedSupport();
  const anAddress = () => ({ name: `Dorothy ${randomUUID()}`, line1: `${randomUUID()} Vaughan Way`, city: 'Hampton', postalCode: 'VA 23681', country: 'US' });
  const heldKeys = async (buyerId: string) =>
    (await support().query<{ key_id: string }>('SELECT key_id FROM buyer_data_keys WHERE buyer_id = $1', [buyerId])).rows.map((row) => row.key_id);

  async function untilShown(orderId: string, expected: Record<string, unknown>): Promise<CaseOrderViewResponse> {
    return eventually(async () => {
      const { status, body } = await view(orderId);
      expect(status).toBe(200);
      expect(body).toMatchObject(expected);
      return body;
    });
  }

  it('shows the address once the key arrives after the checkout, storing it only sealed', async () => {
    const buyer = aSealingBuyer(`buyer-${randomUUID()}`);
    const address = anAddress();
    const orderId = randomUUID();

    await publish(support(), buyer.checkedOut(orderId, address));
    await untilShown(orderId, { checkout: { buyerId: buyer.buyerId, shippingAddress: null } });
    await publish(support(), buyer.key());
    await publish(support(), buyer.paymentAuthorized(orderId, address));

    const shown = await untilShown(orderId, { personalData: 'present', checkout: { shippingAddress: { ...address, line2: null } }, payment: { state: 'authorized' } });
    expect(JSON.stringify(shown)).not.toContain('ciphertext');
    expect(await rowsMentioning([address.name, address.line1])).toEqual([]);
  });

  it('answers erased once the tombstone deletes the key, having shown the address while it was held', async () => {
    const buyer = aSealingBuyer(`buyer-${randomUUID()}`);
    const address = anAddress();
    const orderId = randomUUID();
    await publish(support(), buyer.key());
    await publish(support(), buyer.checkedOut(orderId, address));
    await untilShown(orderId, { personalData: 'present', checkout: { shippingAddress: { name: address.name } } });

    await publishKeyTombstone(support(), buyer.buyerId);

    await untilShown(orderId, { personalData: 'erased', checkout: { buyerId: buyer.buyerId, shippingAddress: null, total: { amount: 3399, currency: 'EUR' } } });
    expect(await heldKeys(buyer.buyerId)).toEqual([]);
    expect(support().deadLetters.messages).toEqual([]);
  });

  it('deletes on the erasure event the key that sealed the erased orders, and not the buyer’s newer key', async () => {
    const before = aSealingBuyer(`buyer-${randomUUID()}`);
    const [erasedOrder, laterOrder] = [randomUUID(), randomUUID()];
    await publish(support(), before.key());
    await publish(support(), before.checkedOut(erasedOrder, anAddress()));
    await untilShown(erasedOrder, { personalData: 'present' });
    // Erased in Checkout, then a new order with a new key; its key reaches Support before the erasure event.
    const after = aSealingBuyer(before.buyerId);
    const laterAddress = anAddress();
    await publish(support(), after.key());
    await publish(support(), after.checkedOut(laterOrder, laterAddress));
    await untilShown(laterOrder, { personalData: 'present', checkout: { shippingAddress: { name: laterAddress.name } } });

    await publish(support(), {
      topic: BuyerPersonalDataErasedV1.topic,
      envelope: anEvent(BuyerPersonalDataErasedV1, {
        aggregateId: before.buyerId,
        data: { buyerId: before.buyerId, orderIds: [erasedOrder], erasedAt: '2026-12-01T10:00:00.000Z' },
      }),
    });

    await untilShown(erasedOrder, { personalData: 'erased', checkout: { shippingAddress: null } });
    expect(await heldKeys(before.buyerId)).toEqual([after.keyId]);
    await untilShown(laterOrder, { personalData: 'present', checkout: { shippingAddress: { name: laterAddress.name } } });
  });

  it('never shows an address erased before its checkout arrived, even with the key held', async () => {
    const buyer = aSealingBuyer(`buyer-${randomUUID()}`);
    const orderId = randomUUID();
    await publish(support(), {
      topic: BuyerPersonalDataErasedV1.topic,
      envelope: anEvent(BuyerPersonalDataErasedV1, { aggregateId: buyer.buyerId, data: { buyerId: buyer.buyerId, orderIds: [orderId], erasedAt: '2026-12-01T10:00:00.000Z' } }),
    });
    await untilShown(orderId, { personalData: 'erased', checkout: null });
    // The key arrives late on its own topic, after the erasure event, and before its tombstone.
    await publish(support(), buyer.key());
    await eventually(async () => expect(await heldKeys(buyer.buyerId)).toEqual([buyer.keyId]));

    await publish(support(), buyer.checkedOut(orderId, anAddress()));

    await untilShown(orderId, { personalData: 'erased', checkout: { buyerId: buyer.buyerId, shippingAddress: null } });
  });
});
