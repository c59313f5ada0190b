import { AcceptedCurrencies, cartId, Carts, OrderId, orderId, Orders } from '@bazaar/checkout-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { OncePerKey } from '../idempotency/once-per-key';
import { UnitOfWork } from '../ports/unit-of-work';
import { loadCart } from '../shared/load-cart';
import { CheckOutCart } from './check-out-cart.command';

/**
 * The one place two aggregates are written together: the cart is closed and the order it became is
 * created in one unit of work. Creating is not changing (nothing else can hold the new order),
 * and doing both at once is what stops a cart from being checked out twice, or into no order.
 */
export class CheckOutCartHandler {
  private readonly oncePerKey: OncePerKey;

  constructor(
    private readonly carts: Carts,
    private readonly orders: Orders,
    idempotencyKeys: IdempotencyKeys,
    unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly currencies: AcceptedCurrencies,
  ) {
    this.oncePerKey = new OncePerKey(idempotencyKeys, unitOfWork);
  }

  /** Returns the id of the new order, or of the order an earlier request with the same key placed. */
  execute(command: CheckOutCart): Promise<OrderId> {
    const id = orderId(this.ids.next());
    return this.oncePerKey.place(id, command.idempotency, async () => {
      const cart = await loadCart(this.carts, cartId(command.cartId));
      // A cart opened in a currency that is no longer accepted (the thresholds changed since) cannot become an order.
      this.currencies.assertAccepted(cart.currency);
      const order = cart.checkOut({ orderId: id, paymentToken: command.paymentToken, shippingAddress: command.shippingAddress, at: this.clock.now() });
      await this.orders.save(order);
      await this.carts.save(cart);
    });
  }
}
