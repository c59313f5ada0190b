/** What screening needs to know about a buyer's past orders; a query, answered from Checkout's own orders. */
export abstract class BuyerOrderHistory {
  /** Orders the buyer placed at or after `since`. */
  abstract countSince(buyerId: string, since: Date): Promise<number>;
}
