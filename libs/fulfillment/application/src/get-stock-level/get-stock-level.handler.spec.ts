import { InMemoryStockItems } from '../testing/in-memory-stock-items';
import { GetStockLevelHandler } from './get-stock-level.handler';

describe('Get a stock level', () => {
  it('answers on hand, reserved and what is left available', async () => {
    const stock = new InMemoryStockItems();
    stock.seed('MUG-BLUE', 20, 7);

    expect(await new GetStockLevelHandler(stock).execute({ sku: 'MUG-BLUE' })).toEqual({ sku: 'MUG-BLUE', onHand: 20, reserved: 7, available: 13 });
  });

  it('answers zeros for a SKU never stocked', async () => {
    expect(await new GetStockLevelHandler(new InMemoryStockItems()).execute({ sku: 'NEVER' })).toEqual({ sku: 'NEVER', onHand: 0, reserved: 0, available: 0 });
  });
});
