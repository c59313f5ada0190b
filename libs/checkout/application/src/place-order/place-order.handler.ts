import { Order, OrderId, orderId, Orders } from '@bazaar/checkout-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { IdempotencyKeyReused } from '../idempotency/idempotency-key-reused';
import { IdempotencyKeys, IdempotencyRecord, IdempotentRequest } from '../idempotency/idempotency-keys';
import { UnitOfWork } from '../ports/unit-of-work';
import { PlaceOrder } from './place-order.command';

export class PlaceOrderHandler {
  constructor(
    private readonly orders: Orders,
    private readonly idempotencyKeys: IdempotencyKeys,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
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
    const { idempotency } = command;
    return this.unitOfWork.run(async () => {
      // Claiming the key first, in the same unit of work, is what makes a concurrent twin wait and lose.
      if (idempotency) {
        const holder = await this.idempotencyKeys.claim({ ...idempotency, orderId: order.id });
        if (holder.orderId !== order.id) return replay(holder, idempotency);
      }
      await this.orders.save(order);
      return order.id;
    });
  }
}

function replay(holder: IdempotencyRecord, request: IdempotentRequest): OrderId {
  if (holder.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused(request.key);
  return holder.orderId;
}
