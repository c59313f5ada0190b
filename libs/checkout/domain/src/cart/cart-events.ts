import { Money } from '@bazaar/shared-kernel';
import { OrderId } from '../order/order-id';
import { CartId } from './cart-id';

/** Checkout's private facts about carts. The order a cart becomes announces itself (OrderPlaced). */
export type CartEvent = CartCreated | CartLineSet | CartLineRemoved | CartCheckedOut;

export interface CartCreated {
  readonly type: 'CartCreated';
  readonly cartId: CartId;
  readonly buyerId: string;
  readonly currency: string;
  readonly createdAt: Date;
}

/** A line was added, or its quantity or price changed: the line as it now is. */
export interface CartLineSet {
  readonly type: 'CartLineSet';
  readonly cartId: CartId;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly at: Date;
}

export interface CartLineRemoved {
  readonly type: 'CartLineRemoved';
  readonly cartId: CartId;
  readonly sku: string;
  readonly at: Date;
}

/** The cart became order `orderId`; it is closed for good. */
export interface CartCheckedOut {
  readonly type: 'CartCheckedOut';
  readonly cartId: CartId;
  readonly orderId: OrderId;
  readonly checkedOutAt: Date;
}
