import { eventually } from '@bazaar/platform-testing';
import { countRows } from './support/downstream';
import { http } from './support/http';
import { anOrderRequest, plentyOfStock } from './support/orders';
import { System } from './support/system';
import { stock } from './support/warehouse';

async function placeOrders(system: System, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest() });
    expect(placed.status).toBe(201);
    ids.push(placed.body.orderId);
  }
  return ids;
}

/** Orders known downstream, per order id, counted straight from each context's database. */
async function perOrderCounts(system: System, table: 'shipments' | 'revenue_events', orderIds: string[]) {
  const url = system.databases.get(table === 'shipments' ? 'fulfillment' : 'finance')!.url;
  const total = await countRows(url, `SELECT count(*) FROM ${table} WHERE order_id = ANY($1::uuid[])`, [orderIds]);
  const distinct = await countRows(url, `SELECT count(DISTINCT order_id) FROM ${table} WHERE order_id = ANY($1::uuid[])`, [orderIds]);
  return { total, distinct };
}

describe('Under failure, every order still ends up exactly once in every context', () => {
  let system: System;

  beforeAll(async () => {
    system = await System.start();
    await stock(system, plentyOfStock);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('survives a consumer killed with SIGKILL in the middle of a burst', async () => {
    const burst = placeOrders(system, 60);
    // Kill Fulfillment once it has started on the burst, while orders are still arriving.
    await eventually(async () => expect(await countRows(system.databases.get('fulfillment')!.url, 'SELECT count(*) FROM shipments')).toBeGreaterThan(5), { intervalMs: 10 });
    await system.kill('fulfillment');
    const orderIds = await burst;
    await system.startInstance('fulfillment');

    await eventually(async () => expect(await perOrderCounts(system, 'shipments', orderIds)).toEqual({ total: 60, distinct: 60 }), { timeoutMs: 60_000 });
    await eventually(async () => expect(await perOrderCounts(system, 'revenue_events', orderIds)).toEqual({ total: 60, distinct: 60 }), { timeoutMs: 60_000 });
    await eventually(
      async () => {
        const views = await countRows(system.databases.get('support')!.url, 'SELECT count(*) FROM case_order_views WHERE order_id = ANY($1::uuid[])', [orderIds]);
        expect(views).toBe(60);
      },
      { timeoutMs: 60_000 },
    );
  });

  it('shares the partitions between two instances of a consumer without double effects', async () => {
    const second = await system.startInstance('finance');
    const admin = system.kafka.admin();
    await admin.connect();
    const group = system.group('finance');
    await eventually(
      async () => {
        const { groups } = await admin.describeGroups([group]);
        expect(groups[0]!.state).toBe('Stable');
        expect(groups[0]!.members).toHaveLength(2);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await admin.disconnect();

    const orderIds = await placeOrders(system, 40);
    await eventually(async () => expect(await perOrderCounts(system, 'revenue_events', orderIds)).toEqual({ total: 40, distinct: 40 }), { timeoutMs: 60_000 });
    const viaSecond = await http('GET', `${second.url}/revenue-events?orderId=${orderIds[0]}`);
    expect(viaSecond.body.revenueEvents).toHaveLength(1);
  });
});
