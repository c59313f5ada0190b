import { anAddress, aLine, anOrder } from '@bazaar/checkout-domain/testing';
import { recordedExample } from '@bazaar/platform-testing';
import { CartCheckedOutV1 } from '@bazaar/published-language';
import { money } from '@bazaar/shared-kernel';
import { publishedEventsOf } from './published-order-events';

describe('Publishing what happened to an order', () => {
  it('announces a placed order as CartCheckedOutV1, matching the recorded example of the contract', () => {
    const order = anOrder()
      .withId('5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f')
      .forBuyer('buyer-42')
      .withLines(aLine({ sku: 'MUG-BLUE', quantity: 2, unitPrice: money(1250, 'EUR') }), aLine({ sku: 'TEA-EARL', quantity: 1, unitPrice: money(899, 'EUR') }))
      .placedAt(new Date('2026-11-21T09:30:00.000Z'))
      .build();

    const [published] = publishedEventsOf(order.pendingEvents[0]!);

    expect(published).toMatchObject({ contract: CartCheckedOutV1, aggregateId: order.id, occurredAt: order.placedAt });
    expect(published!.data).toEqual(recordedExample(CartCheckedOutV1).data);
    expect(() => CartCheckedOutV1.schema.parse(published!.data)).not.toThrow();
  });

  it('never publishes the payment token', () => {
    const order = anOrder().paidWith('tok_must_stay_private').build();

    const published = publishedEventsOf(order.pendingEvents[0]!);

    expect(JSON.stringify(published.map((event) => event.data))).not.toContain('tok_must_stay_private');
  });

  it('keeps the optional second address line when there is one', () => {
    const order = anOrder().shippedTo(anAddress({ line2: 'Flat 3' })).build();

    const [published] = publishedEventsOf(order.pendingEvents[0]!);

    expect((published!.data as CartCheckedOutV1).shippingAddress.line2).toBe('Flat 3');
  });
});
