/** Open a cart for a buyer, priced in one currency. */
export interface CreateCart {
  readonly buyerId: string;
  readonly currency: string;
}
