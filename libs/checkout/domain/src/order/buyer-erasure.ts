import { DomainError } from '@bazaar/shared-kernel';
import { OrderStatus } from './order-status';

/** Orders still on their way need the address: a buyer is erased once every order of theirs has ended. */
export class BuyerHasOrdersInProgress extends DomainError {
  readonly kind = 'conflict' as const;
  readonly code = 'buyer_has_orders_in_progress';

  constructor(
    buyerId: string,
    readonly orderIds: readonly string[],
  ) {
    super(`Buyer ${buyerId} has ${orderIds.length} order(s) in progress; their personal data can be erased once those end`);
  }
}

const ended: readonly OrderStatus[] = ['completed', 'cancelled'];

/** Throws {@link BuyerHasOrdersInProgress} unless every one of the buyer's orders has ended. */
export function assertBuyerErasable(buyerId: string, orders: readonly { readonly orderId: string; readonly status: OrderStatus }[]): void {
  const inProgress = orders.filter((order) => !ended.includes(order.status)).map((order) => order.orderId);
  if (inProgress.length > 0) throw new BuyerHasOrdersInProgress(buyerId, inProgress);
}
