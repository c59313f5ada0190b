import { Order, OrderId, Orders } from '@bazaar/checkout-domain';
import { IdempotentRequest, IdempotencyKeys } from '../idempotency/idempotency-keys';
import { OncePerKey } from '../idempotency/once-per-key';
import { OrderProcessRunner, SavedOrderProcess } from '../order-process/order-process-runner';
import { OrderScreening } from '../order-process/order-screening';
import { UnitOfWork } from '../ports/unit-of-work';

/**
 * Where every order comes to exist, express or from a cart. One unit of work claims the
 * Idempotency-Key, screens the order, saves it (its OrderPlaced goes to the outbox) and begins its process,
 * screened: what screening decided (a fraud review, or the payment) is pending in the process.
 * Once that has committed, the caller has its answer and the decision is carried out alongside,
 * within the runner's limits (so many at once, so many waiting); past them, or should this
 * service stop first, the process worker finds it due and carries it out. So an order accepted is always
 * screened, and only once, and placing never waits for the gateway.
 */
export class OrderPlacement {
  private readonly oncePerKey: OncePerKey;

  constructor(
    private readonly orders: Orders,
    keys: IdempotencyKeys,
    unitOfWork: UnitOfWork,
    private readonly screening: OrderScreening,
    private readonly runner: OrderProcessRunner,
  ) {
    this.oncePerKey = new OncePerKey(keys, unitOfWork);
  }

  /**
   * `build` makes the order inside the unit of work (a cart's checkout saves the closed cart there
   * too). Returns the order's id, or the id of the order an earlier request with the same key placed.
   */
  async place(orderId: OrderId, idempotency: IdempotentRequest | undefined, build: () => Promise<Order>): Promise<OrderId> {
    let begun: SavedOrderProcess | undefined;
    const placed = await this.begin(orderId, idempotency, build, (saved) => (begun = saved));
    // The order and its process just begun, as committed: carrying out need not read them back.
    // A repeated key's order (placed earlier; what was begun now was not written) carries out from a fresh read.
    this.runner.carryOutAlongside(placed, begun?.process.orderId === placed ? begun : undefined);
    return placed;
  }

  /** Once every carry-out started alongside has ended (the runner's): what a service awaits before it closes its database (`dropWaiting`: those not started yet stay due for the sweep), and a spec before it looks. */
  settled(options?: { dropWaiting?: boolean }): Promise<void> {
    return this.runner.settled(options);
  }

  /** The unit of work alone: the order saved and its process begun (both handed to `begun` as saved), nothing carried out yet. */
  begin(orderId: OrderId, idempotency: IdempotentRequest | undefined, build: () => Promise<Order>, begun?: (saved: SavedOrderProcess) => void): Promise<OrderId> {
    return this.oncePerKey.place(orderId, idempotency, async () => {
      const order = await build();
      const assessment = await this.screening.assess(order);
      await this.orders.save(order);
      const process = await this.runner.begin(order.id, { type: 'Screened', assessment });
      begun?.({ process, order: this.orders.saved(order) });
    });
  }
}
