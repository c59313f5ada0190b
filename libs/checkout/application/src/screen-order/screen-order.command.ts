/** Screen a newly placed order for fraud: the reaction to OrderPlaced, which also begins its process. */
export interface ScreenOrder {
  readonly orderId: string;
}
