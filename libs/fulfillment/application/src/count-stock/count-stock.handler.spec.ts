import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';
import { InMemoryStockItems } from '../testing/in-memory-stock-items';
import { CountStockHandler } from './count-stock.handler';

describe('Count stock', () => {
  let fakes: FulfillmentFakes;
  let handler: CountStockHandler;

  beforeEach(() => {
    fakes = fulfillmentFakes();
    handler = new CountStockHandler(fakes.unitOfWork, fakes.stock, fakes.clock);
  });

  it('stocks a SKU never stocked, recording who counted it and when', async () => {
    await handler.execute({ sku: 'MUG-BLUE', onHand: 20, actor: 'warehouse-7' });

    expect(fakes.stock.stored('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 20, reserved: 0, lastCounted: { at: fakes.clock.now(), by: 'warehouse-7' } });
    expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 20, reserved: 0, available: 20 });
  });

  it('records no one as the counter when the caller is not known', async () => {
    await handler.execute({ sku: 'MUG-BLUE', onHand: 20 });

    expect(fakes.stock.stored('MUG-BLUE')?.lastCounted).toEqual({ at: fakes.clock.now(), by: null });
  });

  it('sets the counted stock of a stocked SKU, keeping what is reserved', async () => {
    fakes.stock.seed('MUG-BLUE', 20, 5);

    await handler.execute({ sku: 'MUG-BLUE', onHand: 8 });

    expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 8, reserved: 5, available: 3 });
  });

  it('refuses a count below what is reserved and changes nothing', async () => {
    fakes.stock.seed('MUG-BLUE', 20, 5);

    await expect(handler.execute({ sku: 'MUG-BLUE', onHand: 4 })).rejects.toMatchObject({ code: 'stock_below_reserved' });

    expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 20, reserved: 5, available: 15 });
  });

  it('reports a conflict when another writer stocked the SKU after it looked', async () => {
    /** A read that missed a concurrent first count of the SKU. */
    class LaggingReads extends InMemoryStockItems {
      override async holding() {
        return [];
      }
    }
    const store = new LaggingReads();
    store.seed('MUG-BLUE', 3);

    await expect(new CountStockHandler(fakes.unitOfWork, store, fakes.clock).execute({ sku: 'MUG-BLUE', onHand: 20 })).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(await store.of('MUG-BLUE')).toMatchObject({ onHand: 3 });
  });
});
