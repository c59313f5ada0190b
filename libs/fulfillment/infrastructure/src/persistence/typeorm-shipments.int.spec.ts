import { randomUUID } from 'node:crypto';
import { Shipment } from '@bazaar/fulfillment-domain';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { fulfillmentMigrations } from './migrations';
import { TypeOrmShipments } from './typeorm-shipments';

jest.setTimeout(30_000);

const at = new Date('2026-11-21T10:00:00.000Z');
const later = new Date('2026-11-21T10:05:00.000Z');

describe('TypeOrmShipments, many at once (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let shipments: TypeOrmShipments;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(fulfillmentMigrations);
    shipments = new TypeOrmShipments(database.transactions, new Outbox('fulfillment'));
  });

  afterAll(async () => {
    await database?.drop();
  });

  const aNewShipment = (orderId: string = randomUUID()) =>
    Shipment.create({
      id: randomUUID(),
      orderId,
      lines: [
        { sku: 'TEA-EARL', quantity: 1 },
        { sku: 'MUG-BLUE', quantity: 2 },
      ],
      createdAt: at,
    });
  const stored = async () => {
    const shipment = aNewShipment();
    await shipments.save(shipment);
    return (await shipments.withId(shipment.id))!;
  };
  const outboxTypesOf = async (shipmentIds: string[]) =>
    ((await database.dataSource.query(`SELECT event_type FROM outbox WHERE message_key = ANY($1::text[]) ORDER BY position`, [shipmentIds])) as { event_type: string }[]).map(
      (row) => row.event_type,
    );

  it('reads the shipments of many orders in one go, with their lines in order', async () => {
    const [first, second] = [await stored(), await stored()];

    const read = await shipments.ofOrders([second.orderId, randomUUID(), first.orderId]);

    expect(read.map((shipment) => shipment.id).sort()).toEqual([first.id, second.id].sort());
    expect(read[0]?.lines).toEqual([
      { sku: 'TEA-EARL', quantity: 1 },
      { sku: 'MUG-BLUE', quantity: 2 },
    ]);
    expect(await shipments.ofOrders([])).toEqual([]);
  });

  it('stores new shipments as they are now (created and released in one batch) and changed ones together, with their events', async () => {
    const [created, releasedAtOnce, cancelledAtOnce] = [aNewShipment(), aNewShipment(), aNewShipment()];
    releasedAtOnce.release(later);
    cancelledAtOnce.cancel(later);
    const changed = await stored();
    changed.release(later);
    changed.pick({ at: later, by: 'warehouse-7' });

    await shipments.saveAll([created, releasedAtOnce, changed, cancelledAtOnce]);

    expect((await shipments.withId(created.id))?.snapshot()).toEqual(created.snapshot());
    expect((await shipments.withId(releasedAtOnce.id))?.snapshot()).toMatchObject({ status: 'created', releasedAt: later });
    expect((await shipments.withId(cancelledAtOnce.id))?.snapshot()).toMatchObject({ status: 'cancelled', cancelledAt: later, releasedAt: null });
    expect((await shipments.withId(changed.id))?.snapshot()).toMatchObject({ status: 'picked', releasedAt: later, picked: { at: later, by: 'warehouse-7' } });
    expect((await shipments.withId(changed.id))?.version).toBe(2);
    expect(await outboxTypesOf([created.id, releasedAtOnce.id, changed.id, cancelledAtOnce.id])).toEqual([
      'fulfillment.shipment-created.v1', // `changed`, when it was first stored
      'fulfillment.shipment-created.v1',
      'fulfillment.shipment-created.v1',
      'fulfillment.shipment-picked.v1',
      'fulfillment.shipment-created.v1',
      'fulfillment.shipment-cancelled.v1',
    ]);
  });

  it('detects a shipment another writer changed since it was read: ConcurrencyConflict, and none of the batch is written', async () => {
    const shipment = await stored();
    const theirs = (await shipments.withId(shipment.id))!;
    theirs.cancel(later);
    await shipments.save(theirs);
    shipment.release(later);
    const innocent = aNewShipment();

    await expect(shipments.saveAll([innocent, shipment])).rejects.toBeInstanceOf(ConcurrencyConflict);

    expect(await shipments.withId(innocent.id)).toBeNull();
    expect((await shipments.withId(shipment.id))?.snapshot()).toMatchObject({ status: 'cancelled', releasedAt: null });
  });

  it('detects a second shipment for an order: ConcurrencyConflict, and none of the batch is written', async () => {
    const existing = await stored();
    const innocent = aNewShipment();

    await expect(shipments.saveAll([innocent, aNewShipment(existing.orderId)])).rejects.toBeInstanceOf(ConcurrencyConflict);

    expect(await shipments.withId(innocent.id)).toBeNull();
    expect(await shipments.ofOrder(existing.orderId)).toHaveLength(1);
  });
});
