import { GatewayCommand, isGatewayCommand, OrderId, OrderProcess, OrderProcesses, OrderProcessSettings, Orders, PaymentGateway, ProcessInput } from '@bazaar/checkout-domain';
import { assertNever, Clock } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { OrderCommands } from './order-commands';
import { PaymentCommands } from './payment-commands';

/**
 * How news is taken in: by default as it comes. A consumer passes its inbox, so that the decision
 * commits with the mark that the message was handled and a redelivery decides nothing.
 */
export type Intake = (decide: () => Promise<unknown>) => Promise<unknown>;

const asItComes: Intake = (decide) => decide();

/** A guard, far above any real chain (the longest is review → approve → authorize → confirm → complete). */
const MAX_COMMANDS_PER_RUN = 10;

/**
 * Drives an order's process: feeds it news (`advance`: decide and save the process, one
 * transaction) and carries out what it decided (`carryOut`): an order command in one transaction
 * with the process hearing it was done; a gateway call outside any transaction, its outcome fed
 * back as news in the next.
 */
export class OrderProcessRunner {
  private readonly orderCommands: OrderCommands;
  private readonly payments: PaymentCommands;

  constructor(
    private readonly processes: OrderProcesses,
    orders: Orders,
    gateway: PaymentGateway,
    private readonly clock: Clock,
    private readonly settings: OrderProcessSettings,
    unitOfWork: UnitOfWork,
  ) {
    this.orderCommands = new OrderCommands(processes, orders, unitOfWork, clock, settings);
    this.payments = new PaymentCommands(orders, gateway);
  }

  /**
   * The one way news reaches an order's process, for every caller (HTTP, consumers, the deadline
   * sweep, tests): decide within `intake`, then carry out what is due once that has committed.
   * Also after a duplicate: a crash between the commit and the carrying out left work behind.
   */
  async tell(orderId: OrderId, input: ProcessInput, intake: Intake = asItComes): Promise<void> {
    await intake(() => this.advance(orderId, input));
    await this.carryOutNowOrLater(orderId);
  }

  /**
   * Carries out what is due now. Once the decision has committed, a failure here is not the
   * caller's (the request or message was taken): the command stays due in the process, and the
   * process worker carries it out at its next sweep (and logs why, should it fail again).
   */
  async carryOutNowOrLater(orderId: OrderId): Promise<void> {
    try {
      await this.carryOut(orderId);
    } catch {
      // Left to the sweep: the command is still pending and due.
    }
  }

  /** Decides on `input`, beginning the order's process if it has none yet. Saves only when something new was decided. */
  async advance(orderId: OrderId, input: ProcessInput): Promise<OrderProcess> {
    return (await this.decide(orderId, input)).process;
  }

  /**
   * Carries out the due commands one after another until none is due: all done, a retry waiting
   * for its backoff, or the process waiting for news. Safe to run twice: outcomes are news the
   * process has either acted on already or acts on once.
   */
  async carryOut(orderId: OrderId): Promise<OrderProcess | undefined> {
    let process = await this.processes.byId(orderId);
    for (let n = 0; n < MAX_COMMANDS_PER_RUN && process; n++) {
      const command = process.dueCommand(this.clock.now());
      if (!command) break;
      const outcome = isGatewayCommand(command)
        ? // The process in hand is only current until it is saved: after the first decision, reload.
          await this.decide(orderId, await this.outcomeOf(command, orderId), n === 0 ? process : undefined)
        : await this.orderCommands.carryOutHead(orderId);
      process = outcome.process;
      // An outcome that decides nothing new leaves the same command due: running it again would loop.
      if (!outcome.changed) break;
    }
    return process;
  }

  /** `loaded`: the process as just loaded, used for the first attempt (a stale one fails the version check and is reloaded). */
  private decide(orderId: OrderId, input: ProcessInput, loaded?: OrderProcess): Promise<{ process: OrderProcess; changed: boolean }> {
    return retryOnConflict(async (attempt) => {
      const process = (attempt === 1 ? loaded : undefined) ?? (await this.processes.byId(orderId)) ?? OrderProcess.begin(orderId, this.clock.now());
      const changed = process.handle(input, this.clock.now(), this.settings);
      if (changed) await this.processes.save(process);
      return { process, changed };
    });
  }

  private outcomeOf(command: GatewayCommand, orderId: OrderId): Promise<ProcessInput> {
    switch (command.type) {
      case 'AuthorizePayment':
        return this.payments.authorize(orderId);
      case 'VoidAuthorization':
        return this.payments.void(command.authorizationId);
      default:
        return assertNever(command);
    }
  }
}
