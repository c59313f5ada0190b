/**
 * The trials: orders placed at a steady rate through Checkout's public route, as buyers would, each
 * of a kind that says what its end must be. A request that fails (a replica killed or frozen, a
 * database away: 503) is sent again with the same Idempotency-Key and body until it is answered,
 * so an order is placed at most once however often it is retried.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What each kind of order does and how it must end:
 * - `complete`: `tok_ok`, every SKU in stock; the tool, as the warehouse, picks, packs, dispatches
 *   and delivers its shipment: completed (or cancelled `timed_out` when Fulfillment could not answer
 *   before Checkout's deadline);
 * - `out-of-stock`: `tok_ok`, one line of a SKU never stocked: cancelled `out_of_stock`, its payment
 *   voided, nothing shipped, its revenue reversed;
 * - `declined`: `tok_declined`: cancelled `payment_declined` with no effect anywhere;
 * - `buyer-cancel`: `tok_ok`, cancelled by its buyer 0–3 s after it was placed: `buyer_cancelled`
 *   (unless the deadline came first), its stock released and its revenue reversed.
 */
export const ORDER_KINDS = /** @type {const} */ ({ complete: 0.6, 'out-of-stock': 0.1, declined: 0.1, 'buyer-cancel': 0.2 });

/** SKUs the run stocks (`stockFor`), and one it never stocks. */
export const STOCKED_SKUS = ['MUG-BLUE', 'MUG-RED', 'TEA-EARL', 'TEA-GREEN', 'PEN-BLACK', 'BOOK-DDD', 'LAMP-DESK', 'SOCK-WOOL'];
const NEVER_STOCKED = 'CHAOS-NEVER-STOCKED';
const SKUS = STOCKED_SKUS;
const ADDRESS = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

/** Units to put on every stocked SKU: more than all the orders could ever take. */
export function stockFor(orderCount) {
  return Object.fromEntries(STOCKED_SKUS.map((sku) => [sku, 3 * (orderCount + 100)]));
}

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

/** An order placed after a broker restart, to see it reach every context (and then completed like the others). @returns {PlannedOrder} */
export function canaryOrder(runId, n) {
  return plannedOrder({ n, kind: 'complete', key: `chaos-${runId}-canary-${n}`, buyer: `chaos-buyer-${runId}-canary-${n}`, cancelAfterMs: null });
}

function plannedOrder({ n, kind, key, buyer, cancelAfterMs }) {
  const body = {
    buyerId: buyer,
    lines: [
      { sku: SKUS[n % SKUS.length], quantity: 1 + (n % 3), unitPrice: { amount: 1250, currency: 'EUR' } },
      { sku: kind === 'out-of-stock' ? NEVER_STOCKED : SKUS[(n + 3) % SKUS.length], quantity: 1, unitPrice: { amount: 899, currency: 'EUR' } },
    ],
    paymentToken: kind === 'declined' ? 'tok_declined' : 'tok_ok',
    shippingAddress: ADDRESS,
  };
  return { n, kind, key, buyer, body: JSON.stringify(body), cancelAfterMs };
}

/**
 * Places the planned orders, `rate` per second (open loop: a slow answer does not slow the
 * arrivals), and cancels those whose buyer changes their mind. Answers what happened to each.
 */
export async function runWorkload({ system, orders, rate, progress }) {
  /** @type {Map<string, { kind: string, orderId: string | null, attempts: number, cancel: number | null, warehouse: string | null }>} */
  const results = new Map();
  const started = Date.now();
  const inFlight = new Set();
  const replicaOf = replicasOf(system);
  for (const order of orders) {
    const due = started + (order.n * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const work = trial(order, replicaOf, system.issuer).then((result) => {
      results.set(order.key, result);
      inFlight.delete(work);
      progress?.(results.size, orders.length);
    });
    inFlight.add(work);
  }
  await Promise.all(inFlight);
  return results;
}

/**
 * Places one planned order and plays its part: its buyer cancels it, or the warehouse completes it.
 * `onPlaced(orderId)` is told as soon as Checkout accepted it.
 */
export function placeOrder(system, order, { onPlaced } = {}) {
  return trial(order, replicasOf(system), system.issuer, { onPlaced });
}

/** A chooser of the serving replicas of a service, in turn. */
const replicasOf = (system) => {
  const turns = new Map();
  return (ctx = 'checkout') => {
    const serving = system.serving(ctx);
    const turn = turns.get(ctx) ?? 0;
    turns.set(ctx, turn + 1);
    return serving.length > 0 ? serving[turn % serving.length] : undefined;
  };
};

/** Every request carries a token of the run's issuer: the order's buyer places and cancels it, warehouse staff ship it. */
async function trial(order, replicaOf, issuer, { onPlaced } = {}) {
  const checkout = () => replicaOf('checkout');
  const buyer = bearer(issuer.token('buyer', order.buyer));
  const placed = await untilAnswered(
    checkout,
    (url) => post(`${url}/orders`, order.body, { 'idempotency-key': order.key, ...buyer }),
    (status) => status === 201 || (status >= 400 && status < 500),
  );
  const orderId = placed.status === 201 ? (placed.body?.orderId ?? null) : null;
  if (orderId) onPlaced?.(orderId);
  let cancel = null;
  let warehouse = null;
  if (orderId && order.cancelAfterMs !== null) {
    await sleep(order.cancelAfterMs);
    const cancelled = await untilAnswered(
      checkout,
      (url) => post(`${url}/orders/${orderId}/cancel`, '', buyer),
      (status) => status === 200 || status === 409 || status === 404,
    );
    cancel = cancelled.status;
  }
  if (orderId && order.kind === 'complete') warehouse = await shipOrder(orderId, replicaOf, issuer, buyer);
  return { kind: order.kind, orderId, attempts: placed.attempts, placeStatus: placed.status, cancel, warehouse };
}

/** The 409s the warehouse answers by trying the same step again. */
const retryable = new Set(['order_not_confirmed', 'concurrency_conflict']);

/**
 * The warehouse's part, as eager as a warehouse can be: waits for the order's shipment (or for the
 * order to be cancelled), then tries to pick it at once and keeps trying while Fulfillment answers
 * 409 `order_not_confirmed` (Checkout has not confirmed the order yet) or `concurrency_conflict`,
 * then packs, dispatches and delivers it, one step at a time. A step already done (its answer was
 * lost) counts as done; a cancelled shipment (the order timed out meanwhile) ends it. Answers how
 * far it got.
 */
async function shipOrder(orderId, replicaOf, issuer, buyer) {
  const staff = bearer(issuer.token('warehouse', 'chaos-warehouse'));
  const deadline = Date.now() + 900_000;
  let shipmentId = null;
  while (!shipmentId && Date.now() < deadline) {
    const replica = replicaOf('fulfillment');
    const found = replica ? await get(`${replica.url}/shipments?orderId=${orderId}`, staff) : { status: 0 };
    shipmentId = found.status === 200 ? (found.body?.shipments?.[0]?.shipmentId ?? null) : null;
    if (shipmentId) break;
    const checkout = replicaOf('checkout');
    const order = checkout ? await get(`${checkout.url}/orders/${orderId}`, buyer) : { status: 0 };
    if (order.status === 200 && order.body?.status === 'cancelled') return 'order cancelled before its shipment';
    await sleep(1_000);
  }
  if (!shipmentId) return 'no shipment within 15 minutes';
  const steps = [
    ['pick', ''],
    ['pack', ''],
    ['dispatch', JSON.stringify({ carrier: 'chaos-post', trackingNumber: `CP-${orderId.slice(0, 8)}` })],
    ['deliver', ''],
  ];
  for (const [step, body] of steps) {
    const send = () =>
      untilAnswered(
        () => replicaOf('fulfillment'),
        (url) => post(`${url}/shipments/${shipmentId}/${step}`, body, staff),
        (status) => status === 200 || status === 409 || status === 404,
      );
    let answer = await send();
    // Not yet confirmed, or someone changed the shipment meanwhile (a frozen replica's stale request
    // landing late): a person would look again and press the button again.
    while (answer.status === 409 && retryable.has(answer.body?.code) && Date.now() < deadline) {
      await sleep(1_000);
      answer = await send();
    }
    if (answer.status === 409 && answer.body?.code === 'shipment_step_already_done') continue;
    if (answer.status !== 200) return `${step}: ${answer.status} ${answer.body?.code ?? ''}`.trim();
  }
  return 'delivered';
}

/** Sends until `final(status)`: network errors, timeouts and 5xx are tried again, on another replica when there is one, for up to 10 minutes. */
async function untilAnswered(replicaOf, attempt, final) {
  const deadline = Date.now() + 600_000;
  for (let attempts = 1; ; attempts++) {
    const replica = replicaOf();
    const answer = replica ? await attempt(replica.url) : { status: 0 };
    if (final(answer.status) || Date.now() > deadline) return { ...answer, attempts };
    await sleep(Math.min(100 * 2 ** Math.min(attempts, 5), 2_000));
  }
}

/** Stocks the run's SKUs through Fulfillment's route (a count), as a warehouse would before opening. */
export async function stockUp(system, levels) {
  const replicaOf = replicasOf(system);
  const staff = bearer(system.issuer.token('warehouse', 'chaos-warehouse'));
  for (const [sku, onHand] of Object.entries(levels)) {
    const answer = await untilAnswered(
      () => replicaOf('fulfillment'),
      (url) => send('PUT', `${url}/stock/${sku}`, JSON.stringify({ onHand }), staff),
      (status) => status === 200 || (status >= 400 && status < 500),
    );
    if (answer.status !== 200) throw new Error(`stocking ${sku}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

const post = (url, body, headers) => send('POST', url, body, headers);
const get = (url, headers) => send('GET', url, '', headers);
const bearer = (token) => ({ authorization: `Bearer ${token}` });

async function send(method, url, body, headers) {
  try {
    const response = await fetch(url, {
      method,
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
