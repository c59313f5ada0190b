/** One of Fulfillment's answers about an order: its stock reserved, not reserved, or its parcel dispatched. */
export interface FulfillmentAnswer {
  readonly orderId: string;
  readonly answer: 'InventoryReserved' | 'InventoryReservationFailed' | 'ShipmentDispatched';
}

/** The answers of a consumer's transaction of messages, as its inbox sorted them. */
export interface TakeFulfillmentAnswers {
  /** The answers of the messages not taken before, in arrival order. */
  readonly fresh: readonly FulfillmentAnswer[];
  /** The orders of the messages taken before: redeliveries, which decide nothing. */
  readonly redelivered: readonly string[];
}
