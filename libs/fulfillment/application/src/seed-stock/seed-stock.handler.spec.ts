import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';
import { SeedStockHandler } from './seed-stock.handler';

describe('Seed stock from a catalogue', () => {
  let fakes: FulfillmentFakes;
  let handler: SeedStockHandler;

  beforeEach(() => {
    fakes = fulfillmentFakes();
    handler = new SeedStockHandler(fakes.unitOfWork, fakes.stock, fakes.clock);
  });

  it('stocks every SKU it does not know, recording the seed as who counted it', async () => {
    const report = await handler.execute({
      items: [
        { sku: 'MUG-BLUE', onHand: 100 },
        { sku: 'TEA-EARL', onHand: 50 },
      ],
      actor: 'seed-stock',
    });

    expect(report).toEqual({ stocked: ['MUG-BLUE', 'TEA-EARL'], kept: [] });
    expect(fakes.stock.stored('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 100, reserved: 0, lastCounted: { at: fakes.clock.now(), by: 'seed-stock' } });
    expect(await fakes.stock.of('TEA-EARL')).toMatchObject({ onHand: 50, available: 50 });
  });

  it('leaves SKUs the warehouse already stocks as they are, reservations included', async () => {
    fakes.stock.seed('MUG-BLUE', 7, 2);

    const report = await handler.execute({
      items: [
        { sku: 'MUG-BLUE', onHand: 100 },
        { sku: 'TEA-EARL', onHand: 50 },
      ],
      actor: 'seed-stock',
    });

    expect(report).toEqual({ stocked: ['TEA-EARL'], kept: ['MUG-BLUE'] });
    expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 7, reserved: 2, available: 5 });
  });

  it('changes nothing when run again', async () => {
    const catalogue = { items: [{ sku: 'MUG-BLUE', onHand: 100 }], actor: 'seed-stock' };
    await handler.execute(catalogue);
    const first = fakes.stock.stored('MUG-BLUE');

    expect(await handler.execute(catalogue)).toEqual({ stocked: [], kept: ['MUG-BLUE'] });
    expect(fakes.stock.stored('MUG-BLUE')).toBe(first);
  });

  it('stocks nothing when one count is invalid', async () => {
    await expect(
      handler.execute({
        items: [
          { sku: 'MUG-BLUE', onHand: 100 },
          { sku: 'TEA-EARL', onHand: -1 },
        ],
        actor: 'seed-stock',
      }),
    ).rejects.toMatchObject({ code: 'stock_count_invalid' });

    expect(fakes.stock.stored('MUG-BLUE')).toBeUndefined();
  });
});
