import { OrderLine } from '@bazaar/checkout-domain';
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

/** Carts' read side: answered straight from what is stored, never by loading the cart. */
export abstract class CartQueries {
  abstract byId(cartId: string): Promise<CartDetails | undefined>;
}
