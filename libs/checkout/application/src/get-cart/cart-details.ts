import { Cart, OrderLine } from '@bazaar/checkout-domain';
import { Money } from '@bazaar/shared-kernel';

export interface CartDetails {
  readonly cartId: string;
  readonly buyerId: string;
  readonly currency: string;
  readonly status: 'open' | 'checked_out';
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  /** The order the cart became, once checked out. */
  readonly orderId?: string;
  readonly createdAt: Date;
}

export function cartDetailsOf(cart: Cart): CartDetails {
  const { id: cartId, buyerId, currency, status, lines, total, orderId, createdAt } = cart;
  return { cartId, buyerId, currency, status, lines, total, ...(orderId ? { orderId } : {}), createdAt };
}
