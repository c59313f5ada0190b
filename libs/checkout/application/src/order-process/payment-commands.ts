import { AuthorizationResult, Order, PaymentGateway, PaymentGatewayUnavailable, ProcessInput } from '@bazaar/checkout-domain';

/**
 * Carries out the process's gateway commands and reports their outcome as news for the process,
 * which decides what follows (recording the answer on the order is one of its order commands).
 * A transient failure is news too (`GatewayUnavailable`): the process decides when to try again.
 * Nothing here retries: the process's backoff is the one retry layer.
 */
export class PaymentCommands {
  constructor(private readonly gateway: PaymentGateway) {}

  /**
   * One authorization attempt. Asked again for the same order (a crash before the process heard
   * the answer), the gateway answers the first result: the order id is its idempotency key.
   */
  async authorize(order: Order): Promise<ProcessInput> {
    let result: AuthorizationResult;
    try {
      result = await this.gateway.authorize({ orderId: order.id, amount: order.total, token: order.paymentToken });
    } catch (error) {
      if (error instanceof PaymentGatewayUnavailable) return { type: 'GatewayUnavailable', command: 'AuthorizePayment' };
      throw error;
    }
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
}
