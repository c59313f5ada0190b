import { randomUUID } from 'node:crypto';
import { Transactions } from '@bazaar/platform-database';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { emptyCaseOrderView, OrderFact, project } from '@bazaar/support-domain';
import { factsAbout } from '@bazaar/support-domain/testing';
import { supportMigrations } from './migrations/support-migrations';
import { TypeOrmCaseOrderViews } from './typeorm-case-order-views';

/** Lets two parallel transactions both read before either writes, the race under test. */
function bothHaveRead(): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === 2) release();
    return released;
  };
}

describe('TypeOrmCaseOrderViews on PostgreSQL', () => {
  let database: MigratedTestDatabase;
  let transactions: Transactions;
  let views: TypeOrmCaseOrderViews;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(supportMigrations);
    transactions = database.transactions;
    views = new TypeOrmCaseOrderViews(transactions);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('stores a new view at version 1 and reads it back whole', async () => {
    const orderId = randomUUID();
    const view = project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlaced());

    await views.save(view, null);

    await expect(views.find(orderId)).resolves.toEqual({ view, version: 1 });
  });

  it('replaces a view only at the version it was read at', async () => {
    const orderId = randomUUID();
    const facts = factsAbout(orderId);
    const placed = project(emptyCaseOrderView(orderId), facts.orderPlaced());
    await views.save(placed, null);
    const shipped = project(placed, facts.shipmentCreated());
    await views.save(shipped, 1);

    await expect(views.save(project(placed, facts.revenueDeferred()), 1)).rejects.toThrow(ConcurrencyConflict);
    await expect(views.find(orderId)).resolves.toEqual({ view: shipped, version: 2 });
  });

  it('refuses to insert a second view for the same order', async () => {
    const orderId = randomUUID();
    await views.save(emptyCaseOrderView(orderId), null);

    await expect(views.save(emptyCaseOrderView(orderId), null)).rejects.toThrow(ConcurrencyConflict);
  });

  it.each([
    ['the view does not exist yet', false],
    ['the view exists', true],
  ])('lets only one of two parallel projections of one order win when %s', async (_case, exists) => {
    const orderId = randomUUID();
    const facts = factsAbout(orderId);
    if (exists) await views.save(project(emptyCaseOrderView(orderId), facts.revenueDeferred()), null);
    const barrier = bothHaveRead();
    const projectInParallel = (fact: OrderFact) =>
      transactions.run(async () => {
        const stored = await views.find(orderId);
        await barrier();
        await views.save(project(stored?.view ?? emptyCaseOrderView(orderId), fact), stored?.version ?? null);
      });

    const outcomes = await Promise.allSettled([projectInParallel(facts.orderPlaced()), projectInParallel(facts.shipmentCreated())]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: expect.any(ConcurrencyConflict) });
    expect((await views.find(orderId))?.view.timeline).toHaveLength(exists ? 2 : 1);
  });
});
