import { stamp } from '../stamp';
import { StockItem } from './stock-item';

const counted = stamp(new Date('2026-11-21T08:00:00.000Z'), 'warehouse-7');
const stocked = (onHand: number, reserved = 0) => StockItem.restore({ sku: 'MUG-BLUE', onHand, reserved, lastCounted: counted }, 1);

describe('StockItem', () => {
  it('has nothing on hand, reserved or available for a SKU never stocked, and says it was never stocked', () => {
    const item = StockItem.notStocked('MUG-BLUE');

    expect(item).toMatchObject({ sku: 'MUG-BLUE', onHand: 0, reserved: 0, available: 0, isStocked: false, version: 0 });
  });

  it('takes the counted stock with who counted it and when', () => {
    const item = StockItem.notStocked('MUG-BLUE');

    item.count(20, counted);

    expect(item.snapshot()).toEqual({ sku: 'MUG-BLUE', onHand: 20, reserved: 0, lastCounted: counted });
    expect(item.isStocked).toBe(true);
  });

  it('counts a SKU down to zero and still knows it as stocked', () => {
    const item = stocked(5);

    item.count(0, counted);

    expect(item).toMatchObject({ onHand: 0, available: 0, isStocked: true });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a count of %p units', (onHand) => {
    const item = stocked(5);

    expect(() => item.count(onHand, counted)).toThrow(expect.objectContaining({ code: 'stock_count_invalid', kind: 'invalid' }));
    expect(item.onHand).toBe(5);
  });

  it('refuses a count below what is reserved, changing nothing', () => {
    const item = stocked(10, 4);

    expect(() => item.count(3, counted)).toThrow(expect.objectContaining({ code: 'stock_below_reserved', kind: 'conflict' }));
    expect(item.snapshot()).toMatchObject({ onHand: 10, reserved: 4 });
  });

  it('accepts a count equal to what is reserved: nothing is left available', () => {
    const item = stocked(10, 4);

    item.count(4, counted);

    expect(item).toMatchObject({ onHand: 4, reserved: 4, available: 0 });
  });

  it('reserves units up to what is available, and no more', () => {
    const item = stocked(3);

    item.reserve(2);
    item.reserve(1);

    expect(item).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
    expect(() => item.reserve(1)).toThrow(expect.objectContaining({ code: 'insufficient_stock' }));
    expect(item.reserved).toBe(3);
  });

  it('releases reserved units back to what is available', () => {
    const item = stocked(10, 6);

    item.release(2);

    expect(item).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
  });

  it('deducts shipped units from both on hand and reserved, leaving what is available as it was', () => {
    const item = stocked(10, 6);

    item.deduct(2);

    expect(item).toMatchObject({ onHand: 8, reserved: 4, available: 4 });
  });

  it.each(['release', 'deduct'] as const)('refuses to %s more than is reserved (reserved never goes below zero)', (move) => {
    const item = stocked(10, 1);

    expect(() => item[move](2)).toThrow(expect.objectContaining({ code: 'reserved_stock_exceeded' }));
    expect(item.snapshot()).toMatchObject({ onHand: 10, reserved: 1 });
  });
});
