import { Money } from '@bazaar/shared-kernel';
import type { OrderStatus } from '@bazaar/checkout-domain';

/** One line of a buyer's order list. */
export interface BuyerOrderSummary {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly total: Money;
  readonly lineCount: number;
  readonly placedAt: Date;
}

/** Where a page ends: the next page starts strictly after this order (newest first). */
export interface BuyerOrdersPosition {
  readonly placedAt: Date;
  readonly orderId: string;
}

/** A buyer's own orders, newest first, a page at a time. A read-side query. */
export abstract class BuyerOrders {
  abstract page(buyerId: string, limit: number, after?: BuyerOrdersPosition): Promise<BuyerOrderSummary[]>;
}
