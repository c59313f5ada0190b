/**
 * One topic per producing aggregate type; the message key is the aggregate id so that one
 * aggregate's events stay in order. Topics are declared in docker/provisioning/stack.json.
 */
export const Topics = {
  checkoutOrders: 'checkout.orders',
  /**
   * Each buyer's data key, wrapped by a key Checkout shares with Support; keyed by the buyer id,
   * compacted (the latest per buyer is kept), a tombstone once the buyer is erased.
   */
  checkoutBuyerKeys: 'checkout.buyer-keys',
  fulfillmentShipments: 'fulfillment.shipments',
  /** Fulfillment's answers to an order's reservation request; keyed by the Checkout order id. */
  fulfillmentReservations: 'fulfillment.reservations',
  /** Each order's revenue ledger entries; keyed by the Checkout order id. */
  financeLedgers: 'finance.ledgers',
  /** Invoices issued to buyers; keyed by the invoice id. */
  financeInvoices: 'finance.invoices',
  /** Support's cases: every action an agent takes on one; keyed by the case id. */
  supportCases: 'support.cases',
  /** Sellers' subscriptions to Bazaar's plans: started, renewed each period, cancelled; keyed by the subscription id. */
  financeSubscriptions: 'finance.subscriptions',
} as const;

/** Where a consuming context parks messages it could not process. */
export function deadLetterTopic(consumerContext: string): string {
  return `${consumerContext}.dead-letters`;
}
