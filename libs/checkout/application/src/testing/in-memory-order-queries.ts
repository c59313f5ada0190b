import { orderId, OrderProcess } from '@bazaar/checkout-domain';
import { OrderDetails, OrderQueries } from '../ports/order-queries';
import { InMemoryOrderProcesses } from './in-memory-order-processes';
import { InMemoryOrders } from './in-memory-orders';

/** Answers from the fake orders and processes, as the real adapter does from their tables. */
export class InMemoryOrderQueries extends OrderQueries {
  constructor(
    private readonly orders: InMemoryOrders,
    private readonly processes: InMemoryOrderProcesses,
  ) {
    super();
  }

  async byId(id: string): Promise<OrderDetails | undefined> {
    const order = await this.orders.byId(orderId(id));
    if (!order) return undefined;
    const process = await this.processes.byId(order.id);
    const { buyerId, status, lines, total, shippingAddress, placedAt, fraudReview, cancellationReason, payment } = order;
    return {
      orderId: order.id,
      buyerId,
      status,
      lines,
      total,
      shippingAddress: shippingAddress ?? null,
      personalData: shippingAddress ? 'present' : 'erased',
      placedAt,
      payment:
        payment?.state === 'declined'
          ? { state: 'declined', declineReason: payment.reason }
          : { state: payment?.state === 'authorized' ? (process?.authorizationVoided ? 'voided' : 'authorized') : status === 'cancelled' ? 'none' : 'pending' },
      ...(fraudReview && {
        fraudReview: {
          score: fraudReview.score,
          reasons: fraudReview.reasons,
          decision: fraudReview.decision ?? 'pending',
          ...(fraudReview.decidedBy && { decidedBy: fraudReview.decidedBy }),
          ...(fraudReview.decisionReason && { decisionReason: fraudReview.decisionReason }),
        },
      }),
      ...(cancellationReason && { cancellationReason }),
      ...(process && { process: processDetailsOf(process) }),
    };
  }
}

function processDetailsOf({ step, pending, attempts, dueAt, deadline }: OrderProcess): OrderDetails['process'] {
  return {
    step,
    pending: pending.map((command) => command.type),
    attempts,
    ...(dueAt && { nextAttemptAt: dueAt }),
    ...(deadline && { reservationDeadline: deadline }),
  };
}
