/**
 * The trials: orders placed at a steady rate through Checkout's public route, as buyers would, each
 * of a kind that says what its end must be. A request that fails (a replica killed or frozen, a
 * database away: 503) is sent again with the same Idempotency-Key and body until it is answered,
 * so an order is placed at most once however often it is retried.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What each kind of order does and how it must end:
 * - `paid`: `tok_ok`; nobody reserves stock for it yet, so Checkout cancels it at its reservation
 *   deadline (`timed_out`), and every downstream effect of its payment must be undone;
 * - `declined`: `tok_declined`; cancelled (`payment_declined`) with no effect anywhere;
 * - `buyer-cancel`: `tok_ok`, cancelled by its buyer a moment after it was placed (`buyer_cancelled`,
 *   unless the reservation deadline came first).
 */
export const ORDER_KINDS = /** @type {const} */ ({ paid: 0.7, declined: 0.1, 'buyer-cancel': 0.2 });

const SKUS = ['MUG-BLUE', 'MUG-RED', 'TEA-EARL', 'TEA-GREEN', 'PEN-BLACK', 'BOOK-DDD', 'LAMP-DESK', 'SOCK-WOOL'];
const ADDRESS = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

/** @typedef {{ n: number, kind: keyof typeof ORDER_KINDS, key: string, body: string, cancelAfterMs: number | null }} PlannedOrder */

/** The run's orders, decided up front from the seed. @returns {PlannedOrder[]} */
export function planOrders({ count, runId, random }) {
  const kinds = Object.entries(ORDER_KINDS);
  return Array.from({ length: count }, (_, n) => {
    let draw = random.next();
    const [kind] = kinds.find(([, share]) => (draw -= share) < 0) ?? kinds[0];
    return plannedOrder({ n, kind, key: `chaos-${runId}-${n}`, buyer: `chaos-buyer-${runId}-${n}`, cancelAfterMs: kind === 'buyer-cancel' ? random.int(0, 3_000) : null });
  });
}

/** A paid order placed after a broker restart, to see it reach every context. @returns {PlannedOrder} */
export function canaryOrder(runId, n) {
  return plannedOrder({ n, kind: 'paid', key: `chaos-${runId}-canary-${n}`, buyer: `chaos-buyer-${runId}-canary-${n}`, cancelAfterMs: null });
}

function plannedOrder({ n, kind, key, buyer, cancelAfterMs }) {
  const body = {
    buyerId: buyer,
    lines: [
      { sku: SKUS[n % SKUS.length], quantity: 1 + (n % 3), unitPrice: { amount: 1250, currency: 'EUR' } },
      { sku: SKUS[(n + 3) % SKUS.length], quantity: 1, unitPrice: { amount: 899, currency: 'EUR' } },
    ],
    paymentToken: kind === 'declined' ? 'tok_declined' : 'tok_ok',
    shippingAddress: ADDRESS,
  };
  return { n, kind, key, body: JSON.stringify(body), cancelAfterMs };
}

/**
 * Places the planned orders, `rate` per second (open loop: a slow answer does not slow the
 * arrivals), and cancels those whose buyer changes their mind. Answers what happened to each.
 */
export async function runWorkload({ system, orders, rate, progress }) {
  /** @type {Map<string, { kind: string, orderId: string | null, attempts: number, cancel: number | null }>} */
  const results = new Map();
  const started = Date.now();
  const inFlight = new Set();
  let turn = 0;
  const checkout = () => {
    const serving = system.serving('checkout');
    return serving.length > 0 ? serving[turn++ % serving.length] : undefined;
  };
  for (const order of orders) {
    const due = started + (order.n * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const work = trial(order, checkout).then((result) => {
      results.set(order.key, result);
      inFlight.delete(work);
      progress?.(results.size, orders.length);
    });
    inFlight.add(work);
  }
  await Promise.all(inFlight);
  return results;
}

/** Places one planned order (and cancels it, for its buyer, when planned) through whichever Checkout replica serves. */
export function placeOrder(system, order) {
  let turn = 0;
  return trial(order, () => {
    const serving = system.serving('checkout');
    return serving.length > 0 ? serving[turn++ % serving.length] : undefined;
  });
}

async function trial(order, checkout) {
  const placed = await untilAnswered(checkout, (url) =>
    post(`${url}/orders`, order.body, { 'idempotency-key': order.key }), (status) => status === 201 || (status >= 400 && status < 500));
  const orderId = placed.status === 201 ? placed.body?.orderId ?? null : null;
  let cancel = null;
  if (orderId && order.cancelAfterMs !== null) {
    await sleep(order.cancelAfterMs);
    const cancelled = await untilAnswered(checkout, (url) => post(`${url}/orders/${orderId}/cancel`, '', {}), (status) => status === 200 || status === 409 || status === 404);
    cancel = cancelled.status;
  }
  return { kind: order.kind, orderId, attempts: placed.attempts, placeStatus: placed.status, cancel };
}

/** Sends until `final(status)`: network errors, timeouts and 5xx are tried again, on another replica when there is one, for up to 10 minutes. */
async function untilAnswered(replicaOf, send, final) {
  const deadline = Date.now() + 600_000;
  for (let attempts = 1; ; attempts++) {
    const replica = replicaOf();
    const answer = replica ? await send(replica.url) : { status: 0 };
    if (final(answer.status) || Date.now() > deadline) return { ...answer, attempts };
    await sleep(Math.min(100 * 2 ** Math.min(attempts, 5), 2_000));
  }
}

async function post(url, body, headers) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body || undefined,
      // Generous: a replica starved of CPU answers late, and a frozen one must not hold a request for long.
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: safeJson(text) };
  } catch {
    return { status: 0 };
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
