import { OrderId } from '../order/order-id';
import { CancellationReason } from '../order/order-status';
import { OrderProcessStep } from './order-process-step';
import { ProcessCommand } from './process-command';

/** Everything the process remembers; what the repository persists and restores. */
export interface OrderProcessState {
  readonly orderId: OrderId;
  readonly step: OrderProcessStep;
  readonly startedAt: Date;
  /** Decided but not yet carried out, carried out first to last. */
  readonly pending: readonly ProcessCommand[];
  /** Failed attempts of the command at the head of `pending`. */
  readonly attempts: number;
  /** When the command at the head of `pending` is (next) due; absent when nothing is pending. */
  readonly nextAttemptAt?: Date;
  readonly fraudReview?: 'pending' | 'approved' | 'rejected';
  readonly authorizationId?: string;
  readonly authorizationVoided?: boolean;
  /** While awaiting inventory: when to give up (authorizedAt + the reservation timeout). */
  readonly reservationDeadline?: Date;
  /** Fulfillment's answer, kept when it arrives before the process has heard that the payment was authorized. */
  readonly inventory?: 'reserved' | 'failed';
  readonly cancellationReason?: CancellationReason;
}
