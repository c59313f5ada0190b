import { Client } from 'pg';
import { caughtUp, eventually } from '@bazaar/platform-testing';
import { http } from './http';
import { System } from './system';

/** Everything the three downstream contexts know about one order, through their public routes. */
export async function downstreamOf(system: System, orderId: string) {
  const [shipments, revenue, invoices, view] = await Promise.all([
    http('GET', `${system.url('fulfillment')}/shipments?orderId=${orderId}`),
    http('GET', `${system.url('finance')}/revenue-events?orderId=${orderId}`),
    http('GET', `${system.url('finance')}/invoices?orderId=${orderId}`),
    http('GET', `${system.url('support')}/case-order-views/${orderId}`),
  ]);
  return {
    shipments: shipments.body.shipments as unknown[],
    revenueEvents: revenue.body.revenueEvents as unknown[],
    invoices: invoices.body.invoices as unknown[],
    view: view.status === 200 ? view.body : undefined,
  };
}

/**
 * Waits until a paid order whose stock is in is complete in every downstream context — its
 * shipment (released to the warehouse once Checkout confirmed the order), its deferred revenue
 * entry, and Support's view of its checkout, payment, reservation, confirmation, shipment and
 * revenue — and returns what they hold. Support may see the confirmation before Fulfillment does,
 * so the release is waited for on its own. Not a timeline length: what
 * Support has to show depends on how far the order got.
 */
export function fullyProjected(system: System, orderId: string, timeoutMs = 20_000) {
  return eventually(
    async () => {
      const state = await downstreamOf(system, orderId);
      expect(state.shipments).toEqual([expect.objectContaining({ releasedAt: expect.any(String) })]);
      expect(state.revenueEvents).toHaveLength(1);
      expect(state.view).toMatchObject({
        status: 'confirmed',
        checkout: expect.any(Object),
        payment: { authorizedAt: expect.any(String) },
        reservation: { status: 'reserved' },
        shipments: [expect.any(Object)],
        revenue: [expect.any(Object)],
      });
      return state;
    },
    { timeoutMs },
  );
}

/** Waits until the downstream services have processed everything on `topic`. */
export async function downstreamCaughtUp(system: System, topic: string): Promise<void> {
  for (const name of ['fulfillment', 'finance', 'support'] as const) await caughtUp(system.kafka, system.group(name), system.topics.topic(topic));
}

export async function countRows(databaseUrl: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(sql, params);
    return Number(result.rows[0].count);
  } finally {
    await client.end();
  }
}
