import {
  GatewayCommand,
  isGatewayCommand,
  Order,
  OrderId,
  OrderProcess,
  OrderProcesses,
  OrderProcessSettings,
  Orders,
  PaymentGateway,
  ProcessInput,
} from '@bazaar/checkout-domain';
import { assertNever, Clock } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { loadOrder } from '../shared/load-order';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { MAX_COMMANDS_PER_RUN, OrderCommands, OrderNews } from './order-commands';
import { PaymentCommands } from './payment-commands';
import { asSaved } from './saved-process';

/** How far carrying out alongside goes before the process worker's sweep takes over. */
export interface CarryOutLimits {
  /** Carry-outs running at once. */
  readonly concurrency: number;
  /** Carry-outs waiting in memory for a free slot, first come first served; past these the sweep carries out. */
  readonly waiting: number;
}

/**
 * An order's process as its caller just saved it, and the order when the same unit of work saved
 * that too (both as `asSaved` / `Orders.saved` give them): carrying out goes on with them instead
 * of reading them back. Were either changed meanwhile, its save fails the version check, and the
 * step is tried again from a fresh read.
 */
export interface SavedOrderProcess {
  readonly process: OrderProcess;
  readonly order?: Order;
}

/** 128 at once: 32 held 100 orders/s back on a two-core box (docs/benchmark.md, 2026-12-07). */
export const DEFAULT_CARRY_OUT_LIMITS: CarryOutLimits = { concurrency: 128, waiting: 1_000 };

/**
 * Drives an order's process: feeds it news (`advance`: decide and save the process, one
 * transaction) and carries out what it decided (`carryOut`): an order command in one transaction
 * with the process hearing it was done; a gateway call outside any transaction, its outcome fed
 * back as news in the next.
 */
export class OrderProcessRunner {
  private readonly orderCommands: OrderCommands;
  private readonly payments: PaymentCommands;
  readonly #alongside = new Set<Promise<void>>();
  /** First come first served, each with what its caller saved (going on with it when its turn comes: a read less each). */
  readonly #waiting: { orderId: OrderId; saved?: SavedOrderProcess }[] = [];
  /** The orders running or waiting alongside: a sweep leaves them alone. */
  readonly #busy = new Set<OrderId>();

  constructor(
    private readonly processes: OrderProcesses,
    private readonly orders: Orders,
    gateway: PaymentGateway,
    private readonly clock: Clock,
    private readonly settings: OrderProcessSettings,
    private readonly unitOfWork: UnitOfWork,
    /** How many carry-outs run alongside at once, and how many wait for a slot (`carryOutAlongside`). */
    private readonly limits: CarryOutLimits = DEFAULT_CARRY_OUT_LIMITS,
  ) {
    this.orderCommands = new OrderCommands(processes, orders, clock, settings);
    this.payments = new PaymentCommands(gateway);
  }

  /**
   * The one way news reaches an order's process outside a consumer (HTTP, the deadline sweep,
   * tests): decide, then carry out what is due once that has committed.
   */
  async tell(orderId: OrderId, input: ProcessInput): Promise<void> {
    await this.carryOutNowOrLater(orderId, { process: await this.advance(orderId, input) });
  }

  /**
   * News from a consumer's transaction of messages, taken whole in it, set-based (`OrderCommands.takeNews`):
   * the decisions and the order commands they make due (confirm, complete or cancel the order)
   * commit with the messages' inbox marks. `fresh`: the news of the messages not taken before, in
   * arrival order; `redelivered`: the orders of those taken before, which decide nothing but start
   * carrying out what an earlier delivery may have left due. A gateway call (the void after a
   * cancellation) never runs in a transaction: it is carried out alongside once that has committed
   * (`afterCommit`; or, past the cap or after a crash, by the process worker's sweep).
   */
  async takeAll(fresh: readonly OrderNews[], redelivered: readonly OrderId[], afterCommit: (work: () => void) => void): Promise<void> {
    const due = await this.unitOfWork.run(() => this.orderCommands.takeNews(fresh));
    for (const orderId of new Set([...due, ...redelivered])) afterCommit(() => this.carryOutAlongside(orderId));
  }

  /**
   * Starts carrying out what is due for `orderId` without waiting for it, at most
   * `limits.concurrency` at once: past that it waits in memory for a free slot, first come first
   * served, and past `limits.waiting` of those it is left alone — it stays due in the process, and
   * the process worker's sweep carries it out. False when left to the sweep. `saved`: the
   * process (and order) as the caller just saved them, which carrying out goes on with when it
   * starts, now or after its wait (a read less each; stale by then, it fails the version check and
   * reads afresh).
   */
  carryOutAlongside(orderId: OrderId, saved?: SavedOrderProcess): boolean {
    if (this.#alongside.size < this.limits.concurrency) {
      this.start(orderId, saved);
      return true;
    }
    if (this.#waiting.length >= this.limits.waiting) return false;
    this.#busy.add(orderId);
    this.#waiting.push({ orderId, saved });
    return true;
  }

  /** True while `orderId` is being carried out alongside here, or waits to be. */
  isCarryingOutAlongside(orderId: OrderId): boolean {
    return this.#busy.has(orderId);
  }

  /** The most carry-outs that run alongside at once. */
  get alongsideCap(): number {
    return this.limits.concurrency;
  }

  /** How many carry-outs are running alongside now, and how many wait for a slot. */
  get carryingOutAlongside(): { running: number; waiting: number } {
    return { running: this.#alongside.size, waiting: this.#waiting.length };
  }

  /**
   * Once every carry-out started alongside has ended, and those waiting too unless `dropWaiting`
   * (they stay due for the sweep): what a service awaits before it closes its database, and a
   * spec before it looks.
   */
  async settled({ dropWaiting = false } = {}): Promise<void> {
    if (dropWaiting) for (const { orderId } of this.#waiting.splice(0)) this.#busy.delete(orderId);
    while (this.#alongside.size > 0) await Promise.all([...this.#alongside]);
  }

  private start(orderId: OrderId, saved?: SavedOrderProcess): void {
    this.#busy.add(orderId);
    const carryingOut: Promise<void> = this.carryOutNowOrLater(orderId, saved).finally(() => {
      this.#alongside.delete(carryingOut);
      this.#busy.delete(orderId);
      const next = this.#waiting.shift();
      if (next) this.start(next.orderId, next.saved);
    });
    this.#alongside.add(carryingOut);
  }

  /**
   * Carries out what is due now. Once the decision has committed, a failure here is not the
   * caller's (the request or message was taken): the command stays due in the process, and the
   * process worker carries it out at its next sweep (and logs why, should it fail again).
   */
  async carryOutNowOrLater(orderId: OrderId, saved?: SavedOrderProcess): Promise<void> {
    try {
      await this.carryOut(orderId, saved);
    } catch {
      // Left to the sweep: the command is still pending and due.
    }
  }

  /**
   * Begins the process of an order created in the caller's unit of work, with its first news, and
   * saves it; returns it as saved. Nothing is read first: no process can exist for an order that
   * did not exist before this unit of work (were there one, the save's version check would say so).
   */
  async begin(orderId: OrderId, input: ProcessInput): Promise<OrderProcess> {
    const process = OrderProcess.begin(orderId, this.clock.now());
    process.handle(input, this.clock.now(), this.settings);
    await this.processes.save(process);
    return asSaved(process);
  }

  /**
   * Decides on `input`, beginning the order's process if it has none yet. Saves only when something
   * new was decided; returns the process as it now stands in the repository.
   */
  async advance(orderId: OrderId, input: ProcessInput): Promise<OrderProcess> {
    return (await this.decide(orderId, input)).process;
  }

  /**
   * Carries out the due commands one after another until none is due: all done, a retry waiting
   * for its backoff, or the process waiting for news. Safe to run twice: outcomes are news the
   * process has either acted on already or acts on once.
   *
   * `saved`: the process (and order) as the caller just saved them, instead of reading them again.
   * Each step goes on with the process as the step before saved it; the order saved by the caller
   * serves the first step only. Should another runner have moved either meanwhile, its save fails
   * the version check, and the step is tried again from a fresh read.
   */
  async carryOut(orderId: OrderId, saved?: SavedOrderProcess): Promise<OrderProcess | undefined> {
    let process = saved?.process ?? (await this.processes.byId(orderId));
    let savedOrder = saved?.order;
    for (let n = 0; n < MAX_COMMANDS_PER_RUN && process; n++) {
      const command = process.dueCommand(this.clock.now());
      if (!command) break;
      let outcome: { process: OrderProcess | undefined; changed: boolean };
      if (isGatewayCommand(command)) {
        const result = await this.outcomeOf(command, orderId, savedOrder);
        outcome = await this.recordOutcome(orderId, result.news, process, result.order);
      } else {
        outcome = await this.carryOutOrderCommands(orderId, process);
      }
      process = outcome.process;
      savedOrder = undefined;
      // An outcome that decides nothing new leaves the same command due: running it again would loop.
      if (!outcome.changed) break;
    }
    return process;
  }

  /**
   * `loaded`: the process as just loaded or saved, used for the first attempt (a stale one fails
   * the version check and is reloaded). Returns the process as saved.
   */
  private decide(orderId: OrderId, input: ProcessInput, loaded?: OrderProcess): Promise<{ process: OrderProcess; changed: boolean }> {
    return retryOnConflict(async (attempt) => {
      const process = (attempt === 1 ? loaded : undefined) ?? (await this.processes.byId(orderId)) ?? OrderProcess.begin(orderId, this.clock.now());
      const changed = process.handle(input, this.clock.now(), this.settings);
      if (!changed) return { process, changed };
      await this.processes.save(process);
      return { process: asSaved(process), changed };
    });
  }

  /**
   * The order commands at the head of the process, in one transaction (`OrderCommands.carryOut`).
   * `current`: the process as the caller just saved it, for the first attempt; a retry reads it
   * afresh. `changed` is false when the head is no order command due now (another runner carried
   * it out first).
   */
  private carryOutOrderCommands(orderId: OrderId, current: OrderProcess): Promise<{ process: OrderProcess | undefined; changed: boolean }> {
    return retryOnConflict(async (attempt) => {
      const process = attempt === 1 ? current : await this.processes.byId(orderId);
      const command = process?.dueCommand(this.clock.now());
      if (!process || !command || isGatewayCommand(command)) return { process, changed: false };
      return { process: await this.unitOfWork.run(() => this.orderCommands.carryOut(process)), changed: true };
    });
  }

  /**
   * A gateway's answer, news for the process, with the order commands it makes due (recording the
   * payment on the order, say) in one transaction, one commit; when it makes none due (a retry
   * scheduled, a void done) the process is saved alone, in one statement. A crash before that
   * commit loses nothing: the gateway command is still due, and the gateway answers a repeated call
   * for the same order with its first answer. `loaded`: the process, and `order` the order, as read
   * before the call, for the first attempt (stale, they fail a version check); a retry reads both
   * afresh. Returns the process as saved.
   */
  private recordOutcome(orderId: OrderId, news: ProcessInput, loaded: OrderProcess, order?: Order): Promise<{ process: OrderProcess; changed: boolean }> {
    return retryOnConflict(async (attempt) => {
      const process = (attempt === 1 ? loaded : await this.processes.byId(orderId)) ?? OrderProcess.begin(orderId, this.clock.now());
      const changed = process.handle(news, this.clock.now(), this.settings);
      if (!changed) return { process, changed };
      const command = process.dueCommand(this.clock.now());
      if (!command || isGatewayCommand(command)) {
        await this.processes.save(process);
        return { process: asSaved(process), changed };
      }
      return { process: await this.unitOfWork.run(() => this.orderCommands.carryOut(process, attempt === 1 ? order : undefined)), changed };
    });
  }

  /** `saved`: the order as the caller just saved it, if it did. */
  private async outcomeOf(command: GatewayCommand, orderId: OrderId, saved?: Order): Promise<{ news: ProcessInput; order?: Order }> {
    switch (command.type) {
      case 'AuthorizePayment': {
        const order = saved ?? (await loadOrder(this.orders, orderId));
        return { news: await this.payments.authorize(order), order };
      }
      case 'VoidAuthorization':
        return { news: await this.payments.void(command.authorizationId) };
      default:
        return assertNever(command);
    }
  }
}
