import { randomUUID } from 'node:crypto';
import { anEvent, eventually } from '@bazaar/platform-testing';
import { BuyerPersonalDataErasedV1, CartCheckedOutV1 } from '@bazaar/published-language';
import { publish, startedSupport, TopicEvent } from '../testing/published-events';

jest.setTimeout(90_000);

describe('Support honours a buyer’s erasure (real PostgreSQL and Kafka)', () => {
  const { support, view, rowsMentioning } = startedSupport();

  it('drops the address from every view of the buyer’s orders, also from a checkout that arrives after the erasure', async () => {
    const buyerId = `buyer-${randomUUID()}`;
    const name = `Katherine ${randomUUID()}`;
    const street = `${randomUUID()} Langley Blvd`;
    const shippingAddress = { name, line1: street, city: 'Hampton', postalCode: 'VA 23681', country: 'US' };
    const [first, second, late] = [randomUUID(), randomUUID(), randomUUID()];
    const checkedOut = (orderId: string): TopicEvent => ({
      topic: CartCheckedOutV1.topic,
      envelope: anEvent(CartCheckedOutV1, { data: { orderId, buyerId, shippingAddress } }),
    });
    await publish(support(), checkedOut(first));
    await publish(support(), checkedOut(second));
    const shown = await eventually(async () => {
      const answer = await view(second);
      expect(answer.status).toBe(200);
      return answer.body;
    });
    expect(shown).toMatchObject({ personalData: 'present', checkout: { buyerId, shippingAddress: { name, line1: street } } });

    await publish(support(), {
      topic: BuyerPersonalDataErasedV1.topic,
      envelope: anEvent(BuyerPersonalDataErasedV1, { aggregateId: buyerId, data: { buyerId, orderIds: [first, second, late], erasedAt: '2026-12-01T10:00:00.000Z' } }),
    });
    await publish(support(), checkedOut(late));

    for (const orderId of [first, second, late]) {
      await eventually(async () => {
        const { status, body } = await view(orderId);
        expect(status).toBe(200);
        expect(body).toMatchObject({ personalData: 'erased', checkout: { buyerId, shippingAddress: null, total: { amount: 3399, currency: 'EUR' } } });
      });
    }
    expect(await rowsMentioning([name, street])).toEqual([]);
  });
});
