import { AuthorizationResult, Order, OrderId, OrderNotFound, Orders, PaymentGateway, PaymentGatewayUnavailable, ProcessInput } from '@bazaar/checkout-domain';
import { Clock } from '@bazaar/shared-kernel';
import { retryOnConflict } from '../shared/retry-on-conflict';

/**
 * Carries out the process's gateway commands and reports their outcome as news for the process.
 * A transient failure is news too (`GatewayUnavailable`): the process decides when to try again.
 */
export class PaymentCommands {
  constructor(
    private readonly orders: Orders,
    private readonly gateway: PaymentGateway,
    private readonly clock: Clock,
  ) {}

  /**
   * One authorization attempt, recorded on the order (one transaction). Once the order holds an
   * answer the gateway is not asked again, and the gateway itself answers an order id only once.
   */
  async authorize(orderId: OrderId): Promise<ProcessInput> {
    const order = await this.load(orderId);
    const known = outcomeOn(order);
    if (known) return known;
    let result: AuthorizationResult;
    try {
      result = await this.gateway.authorize({ orderId, amount: order.total, token: order.paymentToken });
    } catch (error) {
      if (error instanceof PaymentGatewayUnavailable) return { type: 'GatewayUnavailable', command: 'AuthorizePayment' };
      throw error;
    }
    await this.record(order, result);
    return result.outcome === 'authorized' ? { type: 'PaymentAuthorized', authorizationId: result.authorizationId } : { type: 'PaymentDeclined', reason: result.reason };
  }

  async void(authorizationId: string): Promise<ProcessInput> {
    try {
      await this.gateway.void(authorizationId);
      return { type: 'CommandCarriedOut', command: 'VoidAuthorization' };
    } catch (error) {
      if (error instanceof PaymentGatewayUnavailable) return { type: 'GatewayUnavailable', command: 'VoidAuthorization' };
      throw error;
    }
  }

  /**
   * Skipped when a concurrent attempt recorded it first, or when the order was cancelled while the
   * gateway answered: the process hears of the authorization all the same, and voids it. The order
   * loaded before the call is saved if nobody changed it meanwhile (the version check), else reloaded.
   */
  private record(loaded: Order, result: AuthorizationResult): Promise<void> {
    return retryOnConflict(async (attempt) => {
      const order = attempt === 1 ? loaded : await this.load(loaded.id);
      if (outcomeOn(order) || order.status === 'cancelled') return;
      if (result.outcome === 'authorized') order.recordPaymentAuthorized(result.authorizationId, this.clock.now());
      else order.recordPaymentFailed(result.reason, this.clock.now());
      await this.orders.save(order);
    });
  }

  private async load(orderId: OrderId): Promise<Order> {
    const order = await this.orders.byId(orderId);
    if (!order) throw new OrderNotFound(orderId);
    return order;
  }
}

function outcomeOn(order: Order): ProcessInput | undefined {
  const { payment } = order;
  if (payment?.state === 'authorized') return { type: 'PaymentAuthorized', authorizationId: payment.authorizationId };
  if (payment?.state === 'declined') return { type: 'PaymentDeclined', reason: payment.reason };
  return undefined;
}
