import { orderId } from '@bazaar/checkout-domain';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { TakeFulfillmentAnswers } from './take-fulfillment-answers.command';

/**
 * Fulfillment's answers, news for their orders' processes, taken together in the consumer's
 * transaction, set-based: each process decides on its answers in arrival order and carries out the
 * order commands that makes due, exactly as one answer at a time would, in a fixed number of
 * statements for the lot. A gateway call that follows (a void after an out-of-stock cancellation)
 * starts only once the transaction has committed (`afterCommit`), never inside it.
 */
export class TakeFulfillmentAnswersHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  /** `afterCommit`: runs work once the consumer's transaction has committed, never if it rolls back. */
  execute({ fresh, redelivered }: TakeFulfillmentAnswers, afterCommit: (work: () => void) => void): Promise<void> {
    return this.runner.takeAll(
      fresh.map((answer) => ({ orderId: orderId(answer.orderId), input: { type: answer.answer } })),
      redelivered.map((id) => orderId(id)),
      afterCommit,
    );
  }
}
