/** Try the order's payment authorization now, if its process says one is due. */
export interface AuthorizePayment {
  readonly orderId: string;
}
