export interface GetInvoice {
  readonly invoiceId: string;
}
