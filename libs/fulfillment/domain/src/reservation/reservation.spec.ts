import { stamp } from '../stamp';
import { StockItem } from '../stock/stock-item';
import { Reservation, skusInLockOrder, StockBySku } from './reservation';

const at = new Date('2026-11-21T09:30:00.900Z');
const later = new Date('2026-11-21T11:00:00.000Z');
const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const item = (sku: string, onHand: number, reserved = 0) => StockItem.restore({ sku, onHand, reserved, lastCounted: stamp(new Date('2026-11-21T08:00:00.000Z')) }, 1);
const stockOf = (...items: StockItem[]): StockBySku => new Map(items.map((i) => [i.sku, i]));
const mugsAndTea = [
  { sku: 'MUG-BLUE', quantity: 2 },
  { sku: 'TEA-EARL', quantity: 1 },
];

describe('Reservation', () => {
  describe('deciding on a paid order', () => {
    it('holds every line when each SKU has enough units free, and records InventoryReserved', () => {
      const stock = stockOf(item('MUG-BLUE', 5), item('TEA-EARL', 1));

      const reservation = Reservation.decide({ orderId, lines: mugsAndTea, at }, stock);

      expect(reservation.snapshot()).toEqual({ orderId, status: 'reserved', lines: mugsAndTea, unavailable: [], decidedAt: at, endedAt: null });
      expect(reservation.pendingEvents).toEqual([{ type: 'InventoryReserved', orderId, lines: mugsAndTea, occurredAt: at }]);
      expect(stock.get('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
      expect(stock.get('TEA-EARL')).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    });

    it('holds nothing when one line falls short, and says which line and what was free', () => {
      const stock = stockOf(item('MUG-BLUE', 5), item('TEA-EARL', 3, 3));

      const reservation = Reservation.decide({ orderId, lines: mugsAndTea, at }, stock);

      expect(reservation.status).toBe('refused');
      expect(reservation.pendingEvents).toEqual([
        { type: 'InventoryReservationFailed', orderId, unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'insufficient_stock' }], occurredAt: at },
      ]);
      expect(stock.get('MUG-BLUE')).toMatchObject({ reserved: 0, available: 5 });
    });

    it('says a SKU never stocked is not stocked, and lists every line that falls short', () => {
      const stock = stockOf(item('MUG-BLUE', 1));

      const reservation = Reservation.decide({ orderId, lines: mugsAndTea, at }, stock);

      expect(reservation.snapshot().unavailable).toEqual([
        { sku: 'MUG-BLUE', requested: 2, available: 1, reason: 'insufficient_stock' },
        { sku: 'TEA-EARL', requested: 1, available: 0, reason: 'not_stocked' },
      ]);
      expect(stock.get('MUG-BLUE')!.reserved).toBe(0);
    });

    it('takes a SKU counted down to zero as stocked but short', () => {
      const reservation = Reservation.decide({ orderId, lines: [{ sku: 'MUG-BLUE', quantity: 1 }], at }, stockOf(item('MUG-BLUE', 0)));

      expect(reservation.snapshot().unavailable).toEqual([{ sku: 'MUG-BLUE', requested: 1, available: 0, reason: 'insufficient_stock' }]);
    });

    it('holds exactly the last units when they are all an order asks for', () => {
      const stock = stockOf(item('MUG-BLUE', 3, 1));

      expect(Reservation.decide({ orderId, lines: [{ sku: 'MUG-BLUE', quantity: 2 }], at }, stock).status).toBe('reserved');
      expect(stock.get('MUG-BLUE')).toMatchObject({ reserved: 3, available: 0 });
    });

    it('refuses lines a shipment could not carry (a SKU twice)', () => {
      const twice = [
        { sku: 'MUG-BLUE', quantity: 1 },
        { sku: 'MUG-BLUE', quantity: 1 },
      ];

      expect(() => Reservation.decide({ orderId, lines: twice, at }, stockOf(item('MUG-BLUE', 5)))).toThrow(expect.objectContaining({ code: 'shipment_sku_repeated' }));
    });
  });

  describe('released when the order is cancelled', () => {
    it('gives held units back to the shelf', () => {
      const stock = stockOf(item('MUG-BLUE', 5), item('TEA-EARL', 1));
      const reservation = Reservation.decide({ orderId, lines: mugsAndTea, at }, stock);

      expect(reservation.release(stock, later)).toBe(true);

      expect(reservation.snapshot()).toMatchObject({ status: 'released', endedAt: later });
      expect(stock.get('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 0 });
      expect(stock.get('TEA-EARL')).toMatchObject({ onHand: 1, reserved: 0 });
    });

    it.each(['refused', 'released', 'cancelled'] as const)('changes nothing when %s: it holds nothing', (status) => {
      const stock = stockOf(item('MUG-BLUE', 5, 2));
      const reservation = Reservation.restore({ orderId, status, lines: mugsAndTea, unavailable: [], decidedAt: at, endedAt: null }, 1);

      expect(reservation.release(stock, later)).toBe(false);

      expect(reservation.status).toBe(status);
      expect(stock.get('MUG-BLUE')!.reserved).toBe(2);
    });

    it('is refused once shipped', () => {
      const reservation = Reservation.restore({ orderId, status: 'shipped', lines: mugsAndTea, unavailable: [], decidedAt: at, endedAt: later }, 2);

      expect(() => reservation.release(stockOf(), later)).toThrow(expect.objectContaining({ code: 'reservation_already_shipped' }));
    });
  });

  describe('shipped with its parcel', () => {
    it('deducts the held units from on hand and reserved', () => {
      const stock = stockOf(item('MUG-BLUE', 5), item('TEA-EARL', 1));
      const reservation = Reservation.decide({ orderId, lines: mugsAndTea, at }, stock);

      reservation.ship(stock, later);

      expect(reservation.snapshot()).toMatchObject({ status: 'shipped', endedAt: later });
      expect(stock.get('MUG-BLUE')).toMatchObject({ onHand: 3, reserved: 0 });
      expect(stock.get('TEA-EARL')).toMatchObject({ onHand: 0, reserved: 0 });
    });

    it.each(['refused', 'released', 'shipped', 'cancelled'] as const)('is refused when %s: no stock is held for it', (status) => {
      const reservation = Reservation.restore({ orderId, status, lines: mugsAndTea, unavailable: [], decidedAt: at, endedAt: null }, 1);

      expect(() => reservation.ship(stockOf(item('MUG-BLUE', 5, 2), item('TEA-EARL', 1, 1)), later)).toThrow(expect.objectContaining({ code: 'reservation_not_held' }));
    });
  });

  it('remembers an order cancelled before its payment was seen, holding nothing and recording nothing', () => {
    const cancelled = Reservation.cancelledBeforePayment(orderId, at);

    expect(cancelled.snapshot()).toEqual({ orderId, status: 'cancelled', lines: [], unavailable: [], decidedAt: at, endedAt: null });
    expect(cancelled.pendingEvents).toEqual([]);
  });

  it('lists its SKUs in the one order every unit of work locks them', () => {
    expect(skusInLockOrder([{ sku: 'TEA-EARL' }, { sku: 'MUG-BLUE' }, { sku: 'MUG-BLUE' }, { sku: 'mug-blue' }])).toEqual(['MUG-BLUE', 'TEA-EARL', 'mug-blue']);
  });
});
