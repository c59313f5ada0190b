import { randomUUID } from 'node:crypto';
import { defaultOrderProcessSettings, OrderId, orderId, OrderProcess } from '@bazaar/checkout-domain';
import { anAnalystsDecision, anOrder, anOrderProcess, OrderProcessBuilder } from '@bazaar/checkout-domain/testing';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { checkoutMigrations } from './migrations';
import { TypeOrmOrderProcesses } from './typeorm-order-processes';
import { TypeOrmOrders } from './typeorm-orders';
import { BuyerDataKeys } from './buyer-data-keys';
import { ephemeralKeyRing, processSharingKeyRing } from '@bazaar/platform-service';

jest.setTimeout(30_000);

const buyerKeys = new BuyerDataKeys(ephemeralKeyRing());

const settings = { ...defaultOrderProcessSettings, backoff: { initialMs: 1_000, maxMs: 1_000 } };

describe('TypeOrmOrderProcesses (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let processes: TypeOrmOrderProcesses;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
    processes = new TypeOrmOrderProcesses(database.transactions, 30_000);
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** A new process (version 0) in the state `builder` reaches, for an order that exists. */
  const aNewProcess = async (builder: OrderProcessBuilder = anOrderProcess()): Promise<OrderProcess> => {
    const id = orderId(randomUUID());
    await new TypeOrmOrders(database.transactions, new Outbox('checkout'), buyerKeys, processSharingKeyRing()).save(anOrder().withId(id).build());
    return OrderProcess.restore(builder.forOrder(id).build().toState(), 0);
  };
  const saved = async (builder?: OrderProcessBuilder): Promise<OrderProcess> => {
    const process = await aNewProcess(builder);
    await processes.save(process);
    return (await processes.byId(process.orderId))!;
  };
  const amongThese = (ids: OrderId[], among: OrderProcess[]) => ids.filter((id) => among.some((process) => process.orderId === id));

  it('stores a new process and restores every fact it decided on', async () => {
    const process = await aNewProcess(anOrderProcess().awaitingFraudReview().after({ type: 'FraudReviewDecided', decision: 'approved', attribution: anAnalystsDecision }));

    await processes.save(process);

    const restored = await processes.byId(process.orderId);
    expect(restored?.toState()).toEqual(process.toState());
    expect(restored?.version).toBe(1);
  });

  it('restores an authorization and its deadline', async () => {
    const process = await aNewProcess(anOrderProcess().awaitingInventory('auth-7'));

    await processes.save(process);

    const restored = (await processes.byId(process.orderId))!;
    expect(restored.toState()).toEqual(process.toState());
    expect([restored.authorizationId, restored.deadline]).toEqual(['auth-7', process.deadline]);
  });

  it('restores an answer from Fulfillment that came before the authorization', async () => {
    const process = await aNewProcess(anOrderProcess().authorizing().after({ type: 'InventoryReserved' }));

    await processes.save(process);

    expect((await processes.byId(process.orderId))?.toState()).toEqual({ ...process.toState(), inventory: 'reserved' });
  });

  it('refuses a second new process for the same order: the unit of work it was saved in writes nothing', async () => {
    const first = await aNewProcess();
    await processes.save(first);
    const twin = OrderProcess.begin(first.orderId, new Date());
    const other = await aNewProcess();

    await expect(
      database.transactions.run(async () => {
        await processes.save(other);
        await processes.save(twin);
      }),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);

    expect(await processes.byId(first.orderId)).toMatchObject({ version: 1 });
    expect(await processes.byId(other.orderId)).toBeUndefined();
  });

  it('saves in the caller’s unit of work when there is one, rolling back with it; alone otherwise', async () => {
    const process = await saved(anOrderProcess().authorizing());
    const loaded = (await processes.byId(process.orderId))!;
    loaded.handle({ type: 'BuyerCancelled' }, new Date(), settings);

    await expect(
      database.transactions.run(async () => {
        await processes.save(loaded);
        throw new Error('the unit of work fails after the save');
      }),
    ).rejects.toThrow('the unit of work fails');
    expect((await processes.byId(process.orderId))?.version).toBe(loaded.version);

    await processes.save(loaded);
    expect((await processes.byId(process.orderId))?.step).toBe('cancelling');
  });

  it('refuses a save from a stale copy (ConcurrencyConflict)', async () => {
    const process = await saved(anOrderProcess().authorizing());
    const mine = (await processes.byId(process.orderId))!;
    const theirs = (await processes.byId(process.orderId))!;
    theirs.handle({ type: 'BuyerCancelled' }, new Date(), settings);
    await processes.save(theirs);

    mine.handle({ type: 'PaymentAuthorized', authorizationId: 'auth-1' }, new Date(), settings);

    await expect(processes.save(mine)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await processes.byId(process.orderId))?.step).toBe('cancelling');
  });

  it('finds the processes with a command due, oldest first, and leaves those a sweeper has claimed to it', async () => {
    const due = await saved(anOrderProcess().authorizing());
    const alsoDue = await saved(anOrderProcess().awaitingFraudReview().after({ type: 'FraudReviewDecided', decision: 'rejected', attribution: anAnalystsDecision }));
    const waiting = await saved(anOrderProcess().awaitingInventory());
    const sweep = new Date(Math.max(due.dueAt!.getTime(), alsoDue.dueAt!.getTime()) + 1);
    const mine = [due, alsoDue, waiting];

    const first = amongThese(await processes.withCommandsDueBy(sweep, 100), mine);
    const second = amongThese(await processes.withCommandsDueBy(sweep, 100), mine);

    expect(first).toEqual([due, alsoDue].sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime()).map((process) => process.orderId));
    expect(second).toEqual([]);
    expect(amongThese(await processes.withCommandsDueBy(new Date(sweep.getTime() + 30_000), 100), mine)).toHaveLength(2);
  });

  it('releases a sweeper’s claim when the process is saved', async () => {
    const due = await saved(anOrderProcess().authorizing());
    const sweep = new Date(due.dueAt!.getTime() + 1);
    expect(amongThese(await processes.withCommandsDueBy(sweep, 100), [due])).toEqual([due.orderId]);

    const loaded = (await processes.byId(due.orderId))!;
    loaded.handle({ type: 'GatewayUnavailable', command: 'AuthorizePayment' }, sweep, settings);
    await processes.save(loaded);

    expect(amongThese(await processes.withCommandsDueBy(new Date(sweep.getTime() + 1_000), 100), [due])).toEqual([due.orderId]);
  });

  it('splits the due processes between sweepers claiming at the same moment', async () => {
    const mine = await Promise.all(Array.from({ length: 6 }, () => saved(anOrderProcess().authorizing())));
    const sweep = new Date(Math.max(...mine.map((process) => process.dueAt!.getTime())) + 1);

    const [one, other] = await Promise.all([processes.withCommandsDueBy(sweep, 100), processes.withCommandsDueBy(sweep, 100)]);

    expect([...amongThese(one, mine), ...amongThese(other, mine)].sort()).toEqual(mine.map((process) => process.orderId).sort());
  });

  it('finds the processes whose reservation deadline has passed', async () => {
    const late = await saved(anOrderProcess().awaitingInventory());
    const confirmed = await saved(anOrderProcess().confirmed());

    expect(amongThese(await processes.withDeadlineBy(new Date(late.deadline!.getTime() - 1), 100), [late, confirmed])).toEqual([]);
    expect(amongThese(await processes.withDeadlineBy(late.deadline!, 100), [late, confirmed])).toEqual([late.orderId]);
  });
});
