import { randomUUID } from 'node:crypto';
import { Transactions } from '@bazaar/platform-database';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { emptyCaseOrderView, OrderFact, project } from '@bazaar/support-domain';
import { factsAbout } from '@bazaar/support-domain/testing';
import { supportMigrations } from './migrations';
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

  it('reads a view stored before Support projected every event with the newer fields unknown, and folds new facts into it', async () => {
    const orderId = randomUUID();
    const facts = factsAbout(orderId);
    const { checkout, timeline } = project(emptyCaseOrderView(orderId), facts.orderPlaced());
    const shipment = { shipmentId: 'shp-1', status: 'created', lines: [{ sku: 'MUG-BLUE', quantity: 2 }], createdAt: '2026-11-21T10:05:01.200Z' };
    const entry = { entryId: 'rev-1', kind: 'deferred', amount: { amount: 3399, currency: 'EUR' }, recordedAt: '2026-11-21T10:05:00.600Z' };
    const reservation = { status: 'failed', unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0 }], failedAt: '2026-11-21T10:05:00.900Z' };
    const earlierShape = { orderId, checkout, reservation, shipments: [shipment], revenue: [entry], timeline };
    await transactions.manager.query('INSERT INTO case_order_views (order_id, view, version) VALUES ($1, $2::jsonb, 1)', [orderId, JSON.stringify(earlierShape)]);

    const stored = await views.find(orderId);

    expect(stored?.view).toEqual({
      ...emptyCaseOrderView(orderId),
      checkout,
      reservation: { ...reservation, unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: null }] },
      shipments: [{ ...shipment, pickedAt: null, packedAt: null, carrier: null, trackingNumber: null, dispatchedAt: null, deliveredAt: null, cancelledAt: null }],
      revenue: [{ ...entry, reversesEntryId: null, recognizesEntryId: null }],
      invoices: [],
      timeline,
    });
    const cancelled = project(stored!.view, facts.orderCancelled({ reason: 'buyer_cancelled' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', payment: { state: 'voided' } });
    await views.save(cancelled, 1);
    await expect(views.find(orderId)).resolves.toEqual({ view: cancelled, version: 2 });
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

  it('reads many views in one statement and saves many in one go, new and existing, each at its version', async () => {
    const [existing, created, absent] = [randomUUID(), randomUUID(), randomUUID()];
    const placed = project(emptyCaseOrderView(existing), factsAbout(existing).orderPlaced());
    await views.save(placed, null);
    const shipped = project(placed, factsAbout(existing).shipmentCreated());
    const fresh = project(emptyCaseOrderView(created), factsAbout(created).orderPlaced());

    await transactions.run(() =>
      views.saveAll([
        { view: shipped, expectedVersion: 1 },
        { view: fresh, expectedVersion: null },
      ]),
    );

    const found = await views.findAll([existing, created.toUpperCase(), absent]);
    expect([...found.keys()]).toEqual([existing, created.toUpperCase()]);
    expect(found.get(existing)).toEqual({ view: shipped, version: 2 });
    expect(found.get(created.toUpperCase())).toEqual({ view: fresh, version: 1 });
  });

  it('saves none of many when one of them was changed by another writer meanwhile', async () => {
    const [stale, created] = [randomUUID(), randomUUID()];
    const placed = project(emptyCaseOrderView(stale), factsAbout(stale).orderPlaced());
    await views.save(placed, null);
    await views.save(project(placed, factsAbout(stale).revenueDeferred()), 1);

    await expect(
      transactions.run(() =>
        views.saveAll([
          { view: project(emptyCaseOrderView(created), factsAbout(created).orderPlaced()), expectedVersion: null },
          { view: project(placed, factsAbout(stale).shipmentCreated()), expectedVersion: 1 },
        ]),
      ),
    ).rejects.toThrow(ConcurrencyConflict);

    expect(await views.find(created)).toBeNull();
    expect((await views.find(stale))?.version).toBe(2);
  });
});
