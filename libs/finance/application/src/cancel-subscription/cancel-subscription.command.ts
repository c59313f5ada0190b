/** The seller stops their subscription: the current period runs out, no other is invoiced. */
export interface CancelSubscription {
  readonly subscriptionId: string;
}
