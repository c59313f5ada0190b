import { anEvent } from '@bazaar/platform-testing';
import { orderCancellationReasons, OrderCancelledV1, OrderConfirmedV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { cancelFulfillmentFor, releaseShipmentFor, reserveInventoryFor } from './checkout-translation';

describe('Checkout → Fulfillment translation', () => {
  describe('an authorized payment', () => {
    it("asks to reserve the order's lines as units per SKU, leaving prices, buyer and address behind", () => {
      const { data } = anEvent(PaymentAuthorizedV1);

      expect(reserveInventoryFor(data)).toEqual({
        orderId: data.orderId,
        lines: [
          { sku: 'MUG-BLUE', quantity: 2 },
          { sku: 'TEA-EARL', quantity: 1 },
        ],
      });
    });

    it('asks the same of a v2 (its address sealed) as of a v1 of the same order', () => {
      const v1 = anEvent(PaymentAuthorizedV1).data;
      const v2 = anEvent(PaymentAuthorizedV2, { data: { orderId: v1.orderId } }).data;

      expect(reserveInventoryFor(v2)).toEqual(reserveInventoryFor(v1));
    });

    it('merges priced lines of the same SKU into one line to reserve', () => {
      const { data } = anEvent(PaymentAuthorizedV1);
      const [mug] = data.lines;
      const twoMugLines = { ...data, lines: [mug!, { ...mug!, quantity: 3 }] };

      expect(reserveInventoryFor(twoMugLines).lines).toEqual([{ sku: 'MUG-BLUE', quantity: 5 }]);
    });
  });

  describe('a cancelled order', () => {
    it.each(orderCancellationReasons)('stops fulfilling the order when the reason is %s', (reason) => {
      const { data } = anEvent(OrderCancelledV1, { data: { reason } });

      expect(cancelFulfillmentFor(data)).toEqual({ orderId: data.orderId });
    });
  });

  it('names every order by its id in lower case, the form the store returns, so an order’s news meets its stored rows', () => {
    const { data } = anEvent(OrderConfirmedV1);
    const shouted = data.orderId.toUpperCase();

    expect(releaseShipmentFor({ ...data, orderId: shouted })).toEqual({ orderId: data.orderId });
    expect(cancelFulfillmentFor({ ...anEvent(OrderCancelledV1).data, orderId: shouted })).toEqual({ orderId: data.orderId });
  });
});
