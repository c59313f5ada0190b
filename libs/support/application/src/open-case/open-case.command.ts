/** An agent opens a case about an order. `actor` is who does it: the signed-in person's id. */
export interface OpenCase {
  readonly orderId: string;
  readonly subject: string;
  readonly description: string;
  readonly actor: string;
}
