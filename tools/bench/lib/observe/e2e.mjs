/**
 * End-to-end latency from the services' own rows, not from polling: for each order accepted in a
 * step, the time from Checkout's `orders.placed_at` to Fulfillment's `shipments.created_at` (the
 * stock reservation and the shipment commit together), Finance's `revenue_events.recorded_at`,
 * Checkout's `orders.confirmed_at` (it heard the reservation back) and the moment Support's view
 * became complete (the `updated_at` of a `case_order_views` row holding the checkout, the authorized
 * payment, the reservation, the confirmation, a shipment and a revenue entry: every event a
 * benchmark order produces, so nothing updates it later). Two intermediate stages split the path:
 * the relay publishing `checkout.cart-checked-out.v2` (Checkout's `outbox.published_at`) and
 * Checkout authorizing the payment (`orders.payment_at`), which is what Fulfillment and Finance act on.
 */
import { summarize } from '../stats.mjs';

const ms = (column) => `(extract(epoch from ${column}) * 1000)::float8`;

const QUERIES = {
  placed: ['checkout', `SELECT o.id::text AS id, ${ms('o.placed_at')} AS t FROM orders o JOIN unnest($1::uuid[]) k(id) ON o.id = k.id`],
  relayed: [
    'checkout',
    `SELECT b.message_key AS id, ${ms('b.published_at')} AS t FROM outbox b JOIN unnest($1::text[]) k(id) ON b.message_key = k.id
      WHERE b.event_type = 'checkout.cart-checked-out.v2' AND b.published_at IS NOT NULL`,
  ],
  paid: ['checkout', `SELECT o.id::text AS id, ${ms('o.payment_at')} AS t FROM orders o JOIN unnest($1::uuid[]) k(id) ON o.id = k.id WHERE o.payment_at IS NOT NULL`],
  fulfillment: ['fulfillment', `SELECT s.order_id::text AS id, ${ms('s.created_at')} AS t FROM shipments s JOIN unnest($1::uuid[]) k(id) ON s.order_id = k.id`],
  confirmed: ['checkout', `SELECT o.id::text AS id, ${ms('o.confirmed_at')} AS t FROM orders o JOIN unnest($1::uuid[]) k(id) ON o.id = k.id WHERE o.confirmed_at IS NOT NULL`],
  finance: [
    'finance',
    `SELECT r.order_id::text AS id, ${ms('r.recorded_at')} AS t FROM revenue_events r JOIN unnest($1::uuid[]) k(id) ON r.order_id = k.id WHERE r.kind = 'deferred'`,
  ],
  support: [
    'support',
    `SELECT v.order_id::text AS id, ${ms('v.updated_at')} AS t FROM case_order_views v JOIN unnest($1::uuid[]) k(id) ON v.order_id = k.id
      WHERE v.view->'checkout' <> 'null'::jsonb AND v.view->'payment'->>'state' = 'authorized'
        AND v.view->>'status' = 'confirmed' AND v.view->'reservation'->>'status' = 'reserved'
        AND jsonb_array_length(v.view->'shipments') > 0 AND jsonb_array_length(v.view->'revenue') > 0`,
  ],
};

const CHUNK = 20_000;
const STAGES = ['relayed', 'paid', 'fulfillment', 'confirmed', 'finance', 'support'];
/** Where every order must get: reserved with a shipment, confirmed, recorded by Finance, complete in Support. */
const DESTINATIONS = ['fulfillment', 'confirmed', 'finance', 'support'];

/** @param {Record<string, import('pg').Pool>} databases @param {string[]} orderIds */
export async function endToEnd(databases, orderIds) {
  const times = {};
  for (const [stage, [db, sql]] of Object.entries(QUERIES)) times[stage] = await timesOf(databases[db], sql, orderIds);
  const result = { orders: orderIds.length, reached: {}, latencyMs: {} };
  for (const stage of STAGES) {
    const deltas = [];
    for (const [id, placed] of times.placed) {
      const t = times[stage].get(id);
      if (t !== undefined) deltas.push(t - placed);
    }
    result.reached[stage] = deltas.length;
    result.latencyMs[stage] = summarize(deltas);
  }
  result.reached.placed = times.placed.size;
  result.reached.all = [...times.placed.keys()].filter((id) => DESTINATIONS.every((s) => times[s].has(id))).length;
  return result;
}

async function timesOf(pool, sql, ids) {
  const out = new Map();
  for (let i = 0; i < ids.length; i += CHUNK) {
    try {
      const { rows } = await pool.query(sql, [ids.slice(i, i + CHUNK)]);
      for (const row of rows) out.set(row.id, row.t);
    } catch (error) {
      // A stage this version of the services does not record (e.g. no payment_at column): no numbers for it.
      if (error.code === '42703' || error.code === '42P01') return out;
      throw error;
    }
  }
  return out;
}

/**
 * How many orders each context has taken in so far: cheap counts, to wait until the pipeline has
 * drained. Support projects one event of each type per order, each leaving one inbox mark, so its
 * marks divided by the number of event types it has seen approximate its orders (the exact check is
 * {@link endToEnd}'s, once these counts say done).
 */
export async function pipelineCounts(databases) {
  const one = async (db, sql) => (await databases[db].query(sql)).rows[0];
  const [placed, confirmed, fulfillment, finance, support] = await Promise.all([
    one('checkout', 'SELECT count(*) AS n FROM orders'),
    one('checkout', 'SELECT count(*) AS n FROM orders WHERE confirmed_at IS NOT NULL'),
    one('fulfillment', 'SELECT count(*) AS n FROM shipments'),
    one('finance', "SELECT count(*) AS n FROM revenue_events WHERE kind = 'deferred'"),
    one('support', 'SELECT count(*) AS n, count(DISTINCT event_type) AS types FROM inbox'),
  ]);
  return { placed: +placed.n, confirmed: +confirmed.n, fulfillment: +fulfillment.n, finance: +finance.n, support: Math.floor(+support.n / Math.max(1, +support.types)) };
}
