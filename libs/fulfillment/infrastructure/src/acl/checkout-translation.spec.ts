import { anEvent } from '@bazaar/platform-testing';
import { orderCancellationReasons, OrderCancelledV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { cancelFulfillmentFor, reserveInventoryFor } from './checkout-translation';

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
});
