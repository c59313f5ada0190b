import { Money } from '@bazaar/shared-kernel';
import { OrderId } from './order-id';
import { OrderLine } from './order-line';
import { ShippingAddress } from './shipping-address';

/**
 * Checkout's private facts about orders. The ACL translates them into published integration
 * events; nothing outside Checkout sees these types.
 */
export type OrderEvent = OrderPlaced;

/** The buyer placed an order. Deliberately carries no payment token: it never needs to leave the aggregate. */
export interface OrderPlaced {
  readonly type: 'OrderPlaced';
  readonly orderId: OrderId;
  readonly buyerId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  readonly shippingAddress: ShippingAddress;
  readonly placedAt: Date;
}
