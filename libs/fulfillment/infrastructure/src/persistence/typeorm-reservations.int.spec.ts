import { randomUUID } from 'node:crypto';
import { Reservation, StockItem } from '@bazaar/fulfillment-domain';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { fulfillmentMigrations } from './migrations';
import { TypeOrmReservations } from './typeorm-reservations';

jest.setTimeout(30_000);

const at = new Date('2026-11-21T10:00:00.000Z');

describe('TypeOrmReservations, many at once (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let reservations: TypeOrmReservations;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(fulfillmentMigrations);
    reservations = new TypeOrmReservations(database.transactions, new Outbox('fulfillment'));
  });

  afterAll(async () => {
    await database?.drop();
  });

  const stock = (sku: string, onHand: number, reserved = 0) => new Map([[sku, StockItem.restore({ sku, onHand, reserved, lastCounted: { at, by: null } }, 1)]]);
  /** The stock a reserved order of one MUG-BLUE holds. */
  const held = () => stock('MUG-BLUE', 5, 1);
  const reserved = (orderId: string = randomUUID()) => Reservation.decide({ orderId, lines: [{ sku: 'MUG-BLUE', quantity: 1 }], at }, stock('MUG-BLUE', 5));
  const refused = (orderId: string = randomUUID()) => Reservation.decide({ orderId, lines: [{ sku: 'MUG-BLUE', quantity: 9 }], at }, stock('MUG-BLUE', 5));
  const outboxRowsOf = (orderIds: string[]) =>
    database.dataSource.query(`SELECT payload->>'aggregateId' AS "orderId", event_type AS type FROM outbox WHERE message_key = ANY($1::text[]) ORDER BY position`, [orderIds]);

  it('reads the reservations of many orders in one go, leaving out those never decided', async () => {
    const [first, second] = [reserved(), refused()];
    await reservations.saveAll([first, second]);

    const read = await reservations.ofOrders([first.orderId, randomUUID(), second.orderId]);

    expect(read.map((reservation) => [reservation.orderId, reservation.status, reservation.version]).sort()).toEqual(
      [
        [first.orderId, 'reserved', 1],
        [second.orderId, 'refused', 1],
      ].sort(),
    );
    expect(await reservations.ofOrders([])).toEqual([]);
  });

  it('stores new and changed reservations together, with their events in the order given', async () => {
    const stored = reserved();
    await reservations.save(stored);
    const loaded = (await reservations.ofOrder(stored.orderId))!;
    loaded.release(held(), at);
    const [fresh, cancelled] = [refused(), Reservation.cancelledBeforePayment(randomUUID(), at)];

    await reservations.saveAll([fresh, loaded, cancelled]);

    const read = await reservations.ofOrders([stored.orderId, fresh.orderId, cancelled.orderId]);
    expect(Object.fromEntries(read.map((reservation) => [reservation.orderId, [reservation.status, reservation.version]]))).toEqual({
      [stored.orderId]: ['released', 2],
      [fresh.orderId]: ['refused', 1],
      [cancelled.orderId]: ['cancelled', 1],
    });
    expect((await reservations.ofOrder(stored.orderId))?.snapshot()).toMatchObject({ endedAt: at, lines: [{ sku: 'MUG-BLUE', quantity: 1 }] });
    expect(await outboxRowsOf([stored.orderId, fresh.orderId, cancelled.orderId])).toEqual([
      { orderId: stored.orderId, type: 'fulfillment.inventory-reserved.v1' },
      { orderId: fresh.orderId, type: 'fulfillment.inventory-reservation-failed.v1' },
    ]);
  });

  it('detects a reservation another writer changed since it was read: ConcurrencyConflict, and none of the batch is written', async () => {
    const stored = reserved();
    await reservations.save(stored);
    const mine = (await reservations.ofOrder(stored.orderId))!;
    const theirs = (await reservations.ofOrder(stored.orderId))!;
    theirs.release(held(), at);
    await reservations.save(theirs);
    mine.release(held(), at);
    const innocent = refused();

    await expect(reservations.saveAll([innocent, mine])).rejects.toBeInstanceOf(ConcurrencyConflict);

    expect(await reservations.ofOrder(innocent.orderId)).toBeNull();
    expect((await reservations.ofOrder(stored.orderId))?.version).toBe(2);
  });

  it('detects an order another writer decided since it looked: ConcurrencyConflict, and none of the batch is written', async () => {
    const decided = reserved();
    await reservations.save(decided);
    const innocent = refused();

    await expect(reservations.saveAll([innocent, Reservation.cancelledBeforePayment(decided.orderId, at)])).rejects.toBeInstanceOf(ConcurrencyConflict);

    expect(await reservations.ofOrder(innocent.orderId)).toBeNull();
    expect((await reservations.ofOrder(decided.orderId))?.status).toBe('reserved');
  });
});
