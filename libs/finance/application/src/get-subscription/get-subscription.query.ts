export interface GetSubscription {
  readonly subscriptionId: string;
}
