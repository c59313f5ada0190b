export interface GetCart {
  readonly cartId: string;
}
