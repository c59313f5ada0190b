/** Erase a buyer's personal data (name and addresses of all their orders); idempotent. */
export interface EraseBuyerPersonalData {
  readonly buyerId: string;
}
