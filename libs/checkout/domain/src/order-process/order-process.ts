import { OrderId } from '../order/order-id';
import { CancellationReason } from '../order/order-status';
import { decide } from './decide';
import { OrderProcessSettings } from './order-process-settings';
import { OrderProcessState } from './order-process-state';
import { OrderProcessStep } from './order-process-step';
import { ProcessCommand } from './process-command';
import { ProcessInput } from './process-input';

/**
 * The process manager of one order: a persisted state machine that takes news (ProcessInput),
 * decides (`decide`), and keeps the commands it decided until they are carried out. It is its own
 * aggregate: it never changes the Order itself; the application carries out its commands, one
 * aggregate per transaction, and reports the outcome back as input.
 */
export class OrderProcess {
  private constructor(
    private state: OrderProcessState,
    /** The optimistic-concurrency token, as for every aggregate: 0 until first saved. */
    readonly version: number,
  ) {}

  /** The process of a newly placed order, about to be screened. */
  static begin(orderId: OrderId, at: Date): OrderProcess {
    return new OrderProcess({ orderId, step: 'screening', startedAt: at, pending: [], attempts: 0 }, 0);
  }

  static restore(state: OrderProcessState, version: number): OrderProcess {
    return new OrderProcess(state, version);
  }

  /** Decides on `input`. Returns false when that decides nothing new, so there is nothing to save. */
  handle(input: ProcessInput, at: Date, settings: OrderProcessSettings): boolean {
    const next = decide(this.state, input, at, settings);
    if (next === undefined) return false;
    this.state = next;
    return true;
  }

  /** The command to carry out now: the head of `pending`, once it is due. */
  dueCommand(at: Date): ProcessCommand | undefined {
    const { pending, nextAttemptAt } = this.state;
    return nextAttemptAt !== undefined && nextAttemptAt <= at ? pending[0] : undefined;
  }

  get orderId(): OrderId {
    return this.state.orderId;
  }
  get step(): OrderProcessStep {
    return this.state.step;
  }
  get pending(): readonly ProcessCommand[] {
    return this.state.pending;
  }
  get attempts(): number {
    return this.state.attempts;
  }
  /** When the next pending command is due; what a worker polls on. */
  get dueAt(): Date | undefined {
    return this.state.pending.length > 0 ? this.state.nextAttemptAt : undefined;
  }
  /** While the order waits for Fulfillment: when the process gives up. */
  get deadline(): Date | undefined {
    return this.state.step === 'awaiting_inventory' ? this.state.reservationDeadline : undefined;
  }
  get authorizationId(): string | undefined {
    return this.state.authorizationId;
  }
  get authorizationVoided(): boolean {
    return this.state.authorizationVoided ?? false;
  }
  get cancellationReason(): CancellationReason | undefined {
    return this.state.cancellationReason;
  }

  toState(): OrderProcessState {
    return this.state;
  }
}
