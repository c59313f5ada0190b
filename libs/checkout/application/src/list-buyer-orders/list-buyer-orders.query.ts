import { BuyerOrdersPosition } from '../ports/buyer-orders';

/** A buyer's orders, newest first: at most `limit`, after `after` (the last of the previous page). */
export interface ListBuyerOrders {
  readonly buyerId: string;
  readonly limit: number;
  readonly after?: BuyerOrdersPosition;
}
