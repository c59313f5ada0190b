import { AcceptedCurrencies, cartId, Carts, OrderId, orderId } from '@bazaar/checkout-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { OrderPlacement } from '../place-order/order-placement';
import { loadCart } from '../shared/load-cart';
import { CheckOutCart } from './check-out-cart.command';

/**
 * The cart is closed and the order it became is created in one unit of work (with the order's
 * process, as every placement: `OrderPlacement`). Creating is not changing (nothing else can hold
 * the new order), and doing both at once is what stops a cart from being checked out twice, or
 * into no order.
 */
export class CheckOutCartHandler {
  constructor(
    private readonly carts: Carts,
    private readonly placement: OrderPlacement,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly currencies: AcceptedCurrencies,
  ) {}

  /** Returns the id of the new order, or of the order an earlier request with the same key placed. */
  execute(command: CheckOutCart): Promise<OrderId> {
    const id = orderId(this.ids.next());
    return this.placement.place(id, command.idempotency, async () => {
      const cart = await loadCart(this.carts, cartId(command.cartId));
      // A cart opened in a currency that is no longer accepted (the thresholds changed since) cannot become an order.
      this.currencies.assertAccepted(cart.currency);
      const order = cart.checkOut({ orderId: id, paymentToken: command.paymentToken, shippingAddress: command.shippingAddress, at: this.clock.now() });
      await this.carts.save(cart);
      return order;
    });
  }
}
