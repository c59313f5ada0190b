import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { kafkaMessage } from '@bazaar/platform-testing';
import { Topics } from '@bazaar/published-language';
import { fulfillmentService } from '../fulfillment.service';
import { aPaidOrder, aSku, Warehouse } from '../testing/warehouse';
import { seedStock } from './seed-stock';

describe("seed-stock, straight into Fulfillment's database", () => {
  let fulfillment: ServiceUnderTest;
  let warehouse: Warehouse;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService);
    warehouse = new Warehouse(fulfillment);
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  it('stocks the SKUs never stocked, recorded as counted by the seed', async () => {
    const [mug, tea] = [aSku('MUG'), aSku('TEA')];

    const report = await seedStock(fulfillment.config, {
      stock: [
        { sku: mug, onHand: 500 },
        { sku: tea, onHand: 0 },
      ],
    });

    expect(report).toEqual({ stocked: [mug, tea], kept: [] });
    expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 500, reserved: 0, available: 500 });
    expect(await warehouse.level(tea)).toEqual({ sku: tea, onHand: 0, reserved: 0, available: 0 });
    expect((await fulfillment.query('SELECT counted_by FROM stock_items WHERE sku = $1', [mug])).rows).toEqual([{ counted_by: 'seed-stock' }]);
  });

  it('leaves SKUs the warehouse knows as it counted them, reservations included, and changes nothing when run again', async () => {
    const mug = aSku('MUG');
    await warehouse.stock(mug, 7);
    const authorized = aPaidOrder({ [mug]: 2 });
    await fulfillment.send(Topics.checkoutOrders, kafkaMessage(authorized));
    await warehouse.oneShipmentOf(authorized.data.orderId);
    const catalogue = { stock: [{ sku: mug, onHand: 500 }] };

    expect(await seedStock(fulfillment.config, catalogue)).toEqual({ stocked: [], kept: [mug] });
    expect(await seedStock(fulfillment.config, catalogue)).toEqual({ stocked: [], kept: [mug] });

    expect(await warehouse.level(mug)).toEqual({ sku: mug, onHand: 7, reserved: 2, available: 5 });
  });
});
