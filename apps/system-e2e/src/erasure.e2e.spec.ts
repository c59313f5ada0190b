import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '@bazaar/platform-testing';
import { orderOf, placeOrder, waitForStatus } from './support/checkout';
import { downstreamCaughtUp, fullyProjected } from './support/downstream';
import { http } from './support/http';
import { anOrderRequest, plentyOfStock } from './support/orders';
import { ServiceName, System } from './support/system';
import { topicMessagesMentioning } from './support/topic-scan';
import { releasedShipmentOf, stock, walk } from './support/warehouse';

/** Every row of every table of a context's database (read as its owner, who sees them all), as text, that mentions any of `values`. */
async function rowsMentioning(databaseUrl: string, values: readonly string[]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ text: string }>(`SELECT t::text AS text FROM ${name} t`);
      for (const { text } of rows) if (values.some((value) => text.includes(value))) found.push(`${name}: ${text.slice(0, 200)}`);
    }
    return found;
  } finally {
    await client.end();
  }
}

/**
 * A buyer with three ended orders (two dispatched and invoiced, one cancelled) asks to be erased:
 * afterwards no database of any context holds their name or street, no message on any topic holds
 * them in plaintext (the address travels sealed with the buyer's data key, whose copies the erasure
 * deletes), every context serves the orders with the personal fields erased, and Finance's ledger
 * still balances.
 */
describe('Erasing a buyer, end to end', () => {
  let system: System;

  beforeAll(async () => {
    system = await System.start();
    await stock(system, plentyOfStock);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('leaves no plaintext of their name or address in any context database or on any topic, and every context shows their orders as erased', async () => {
    const buyerId = `buyer-${randomUUID()}`;
    const name = `Dorothy ${randomUUID()}`;
    const street = `${randomUUID()} Vaughan Lane`;
    const request = () => anOrderRequest({ buyerId, shippingAddress: { name, line1: street, city: 'Hampton', postalCode: 'VA 23666', country: 'US' } });
    const orderIds = [await placeOrder(system, request()), await placeOrder(system, request()), await placeOrder(system, request())];
    for (const orderId of orderIds) await fullyProjected(system, orderId, 30_000);
    for (const orderId of orderIds.slice(0, 2)) {
      await walk(system, (await releasedShipmentOf(system, orderId)).shipmentId, 'dispatch');
      await waitForStatus(system, orderId, 'completed', 'completed');
    }
    const cancelled = await http('POST', `${system.url('checkout')}/orders/${orderIds[2]}/cancel`, { body: {} });
    expect(cancelled.status).toBe(200);
    await waitForStatus(system, orderIds[2]!, 'cancelled', 'cancelled');
    await eventually(
      async () => {
        const invoices = await http('GET', `${system.url('finance')}/invoices?orderId=${orderIds[0]}`);
        expect(invoices.body.invoices).toHaveLength(1);
      },
      { timeoutMs: 30_000 },
    );
    // Before the erasure Support opens each sealed address with the buyer's key it received.
    for (const orderId of orderIds) {
      await eventually(async () => {
        const support = await http('GET', `${system.url('support')}/case-order-views/${orderId}`);
        expect(support.body).toMatchObject({ personalData: 'present', checkout: { shippingAddress: { name, line1: street } } });
      });
    }

    const erased = await http('DELETE', `${system.url('checkout')}/buyers/${buyerId}/personal-data`);

    expect(erased.status).toBe(204);
    for (const orderId of orderIds) {
      expect(await orderOf(system, orderId)).toMatchObject({ orderId, shippingAddress: null, personalData: 'erased', total: { amount: 3399, currency: 'EUR' } });
      await eventually(
        async () => {
          const view = await http('GET', `${system.url('support')}/case-order-views/${orderId}`);
          expect(view.body).toMatchObject({ personalData: 'erased', checkout: { buyerId, shippingAddress: null, total: { amount: 3399, currency: 'EUR' } } });
        },
        { timeoutMs: 30_000 },
      );
    }
    await downstreamCaughtUp(system, 'checkout.orders');
    const contexts: ServiceName[] = ['checkout', 'fulfillment', 'finance', 'support'];
    for (const context of contexts) {
      expect({ context, rows: await rowsMentioning(system.databases.get(context)!.ownerUrl, [name, street]) }).toEqual({ context, rows: [] });
    }
    // Every message on every topic, from the beginning, values and headers as text: the name and street nowhere.
    const scan = await topicMessagesMentioning(system, [name, street]);
    expect(scan.found).toEqual([]);
    // The scan reads what it should: the buyer's events (by their id), and the tombstone of their key on checkout.buyer-keys.
    const theBuyers = await topicMessagesMentioning(system, [buyerId]);
    expect(scan.scanned).toBeGreaterThanOrEqual(theBuyers.found.length);
    expect(theBuyers.found.filter((message) => message.startsWith(system.topics.topic('checkout.orders')))).toHaveLength(3 * 2 + 1);
    // Its key, then, last, the tombstone: the buyer as key, no value (two spaces), the key's type in the headers.
    expect(theBuyers.found.filter((message) => message.startsWith(system.topics.topic('checkout.buyer-keys'))).at(-1)).toMatch(
      /@\d+: buyer-\S+ {2}.*bazaar-event-type=checkout\.buyer-data-key\.v1/,
    );

    const again = await http('DELETE', `${system.url('checkout')}/buyers/${buyerId}/personal-data`);
    expect(again.status).toBe(204);

    // Orders, ledgers and invoices keep their amounts: the ledger of each order still balances.
    const finance = new Client({ connectionString: system.databases.get('finance')!.url });
    await finance.connect();
    try {
      const { rows } = await finance.query<{ order_id: string; debits: string; credits: string }>(
        `SELECT e.order_id, sum(l.amount) FILTER (WHERE l.side = 'debit')::text AS debits, sum(l.amount) FILTER (WHERE l.side = 'credit')::text AS credits
           FROM ledger_lines l JOIN revenue_events e ON e.id = l.revenue_event_id WHERE e.order_id = ANY($1::uuid[]) GROUP BY e.order_id`,
        [orderIds],
      );
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row.debits).toBe(row.credits);
    } finally {
      await finance.end();
    }
    const invoices = await http('GET', `${system.url('finance')}/invoices?orderId=${orderIds[0]}`);
    expect(invoices.body.invoices).toEqual([expect.objectContaining({ total: { amount: 3399, currency: 'EUR' } })]);
  });
});
