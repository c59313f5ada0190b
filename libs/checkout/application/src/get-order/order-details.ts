import { Order, OrderLine, OrderStatus, ShippingAddress } from '@bazaar/checkout-domain';
import { Money } from '@bazaar/shared-kernel';

/** What a buyer may see of an order: everything but the payment token. */
export interface OrderDetails {
  readonly orderId: string;
  readonly buyerId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  readonly shippingAddress: ShippingAddress;
  readonly placedAt: Date;
}

export function detailsOf(order: Order): OrderDetails {
  return {
    orderId: order.id,
    buyerId: order.buyerId,
    status: order.status,
    lines: order.lines,
    total: order.total,
    shippingAddress: order.shippingAddress,
    placedAt: order.placedAt,
  };
}
