import { anEvent } from '@bazaar/platform-testing';
import { CartCheckedOutV1 } from '@bazaar/published-language';
import { createShipmentFromCheckout } from './checkout-translation';

describe('Checkout → Fulfillment translation', () => {
  it('plans the order\'s lines as units per SKU, leaving prices behind', () => {
    const { data } = anEvent(CartCheckedOutV1);

    expect(createShipmentFromCheckout(data)).toEqual({
      orderId: data.orderId,
      lines: [
        { sku: 'MUG-BLUE', quantity: 2 },
        { sku: 'TEA-EARL', quantity: 1 },
      ],
    });
  });

  it('merges priced lines of the same SKU into one line to pick', () => {
    const { data } = anEvent(CartCheckedOutV1);
    const [mug] = data.lines;
    const twoMugLines = { ...data, lines: [mug!, { ...mug!, quantity: 3 }] };

    expect(createShipmentFromCheckout(twoMugLines).lines).toEqual([{ sku: 'MUG-BLUE', quantity: 5 }]);
  });
});
