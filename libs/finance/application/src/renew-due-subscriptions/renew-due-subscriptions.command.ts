/** Renews the subscriptions whose period has ended, at most `limit` renewals in one go. */
export interface RenewDueSubscriptions {
  readonly limit: number;
}
