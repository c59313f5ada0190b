import { AcceptedCurrencies, Order, OrderId, orderId } from '@bazaar/checkout-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { OrderPlacement } from './order-placement';
import { PlaceOrder } from './place-order.command';

/** Express checkout: `Order.place` and `OrderPlacement`, exactly the path a cart's checkout takes. */
export class PlaceOrderHandler {
  constructor(
    private readonly placement: OrderPlacement,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly currencies: AcceptedCurrencies,
  ) {}

  /** Returns the id of the placed order, or of the order an earlier request with the same key placed. */
  async execute(command: PlaceOrder): Promise<OrderId> {
    const order = Order.place({
      id: orderId(this.ids.next()),
      buyerId: command.buyerId,
      lines: command.lines,
      shippingAddress: command.shippingAddress,
      paymentToken: command.paymentToken,
      placedAt: this.clock.now(),
    });
    this.currencies.assertAccepted(order.currency);
    // Placing again is safe for an order made here: a conflict means a concurrent first order of
    // the same buyer stored the buyer's data key first, and the next attempt seals with that one.
    return retryOnConflict(() => this.placement.place(order.id, command.idempotency, async () => order));
  }
}
