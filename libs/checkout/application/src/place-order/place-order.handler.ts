import { AcceptedCurrencies, Order, OrderId, orderId, Orders } from '@bazaar/checkout-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { OncePerKey } from '../idempotency/once-per-key';
import { UnitOfWork } from '../ports/unit-of-work';
import { PlaceOrder } from './place-order.command';

/** Express checkout: `Order.place` and `OncePerKey`, exactly the path a cart's checkout takes. */
export class PlaceOrderHandler {
  private readonly oncePerKey: OncePerKey;

  constructor(
    private readonly orders: Orders,
    idempotencyKeys: IdempotencyKeys,
    unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly currencies: AcceptedCurrencies,
  ) {
    this.oncePerKey = new OncePerKey(idempotencyKeys, unitOfWork);
  }

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
    return this.oncePerKey.place(order.id, command.idempotency, () => this.orders.save(order));
  }
}
