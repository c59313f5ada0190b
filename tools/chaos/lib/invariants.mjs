/**
 * What must hold at the end of a run, read from each context's own data (its database and its
 * dead-letter topic), never from the tool's own bookkeeping alone. `collect` reads, `evaluate`
 * judges (pure, so its rules have unit specs).
 */
import { CONTEXTS } from './system.mjs';

const FINAL_STATUSES = new Set(['cancelled', 'completed']);
const FINAL_STEPS = new Set(['cancelled', 'completed']);

/**
 * Everything the checks need, per context.
 * @param {import('./system.mjs').ChaosSystem} system
 */
export async function collect(system) {
  const q = (ctx, sql) => system.pools[ctx].query(sql).then((result) => result.rows);
  const [orders, shipments, reservations, stock, ledger, invoices, views] = await Promise.all([
    q(
      'checkout',
      `
      SELECT o.id, o.status, o.cancellation_reason AS reason, (o.payment_state = 'authorized') AS authorized, k.key,
             p.step, coalesce(jsonb_array_length(p.pending), 0)::int AS pending
        FROM orders o LEFT JOIN order_processes p ON p.order_id = o.id LEFT JOIN idempotency_keys k ON k.order_id = o.id`,
    ),
    q('fulfillment', `SELECT order_id, status, (picked_at IS NOT NULL AND (released_at IS NULL OR released_at > picked_at)) AS picked_unconfirmed FROM shipments`),
    q('fulfillment', 'SELECT order_id, status, lines FROM reservations'),
    q('fulfillment', 'SELECT sku, on_hand, reserved FROM stock_items'),
    q(
      'finance',
      `
      SELECT e.order_id, e.kind, e.amount::bigint AS amount,
             sum(CASE WHEN l.side = 'debit' THEN l.amount ELSE 0 END)::bigint AS debits,
             sum(CASE WHEN l.side = 'credit' THEN l.amount ELSE 0 END)::bigint AS credits,
             sum(CASE WHEN l.account = 'deferred_revenue' THEN (CASE WHEN l.side = 'credit' THEN l.amount ELSE -l.amount END) ELSE 0 END)::bigint AS deferred
        FROM revenue_events e JOIN ledger_lines l ON l.revenue_event_id = e.id GROUP BY e.id, e.order_id, e.kind, e.amount`,
    ),
    q('finance', 'SELECT order_id FROM invoices'),
    q('support', `SELECT order_id, view->>'status' AS status, view->'cancellation'->>'reason' AS reason FROM case_order_views`),
  ]);
  const deadLetters = Object.fromEntries(await Promise.all(CONTEXTS.map(async (ctx) => [ctx, await readAll(system.kafka, system.topic(`${ctx}.dead-letters`))])));
  return {
    orders: orders.map((o) => ({ id: o.id, status: o.status, reason: o.reason, authorized: Boolean(o.authorized), key: o.key, step: o.step, pending: o.pending })),
    shipments: shipments.map((s) => ({ orderId: s.order_id, status: s.status, pickedUnconfirmed: s.picked_unconfirmed })),
    reservations: reservations.map((r) => ({ orderId: r.order_id, status: r.status, lines: r.lines })),
    stock: stock.map((item) => ({ sku: item.sku, onHand: item.on_hand, reserved: item.reserved })),
    ledger: ledger.map((e) => ({
      orderId: e.order_id,
      kind: e.kind,
      amount: Number(e.amount),
      debits: Number(e.debits),
      credits: Number(e.credits),
      deferred: Number(e.deferred),
    })),
    invoices: invoices.map((i) => ({ orderId: i.order_id })),
    views: views.map((v) => ({ orderId: v.order_id, status: v.status, reason: v.reason })),
    deadLetters,
  };
}

/** Whether the system has settled: every order final, every outbox empty, every group at the end of its topics. */
export async function settled(system) {
  const [{ n: open }] = (
    await system.pools.checkout.query(
      `SELECT count(*)::int AS n FROM orders o LEFT JOIN order_processes p ON p.order_id = o.id
      WHERE o.status NOT IN ('cancelled', 'completed') OR p.step NOT IN ('cancelled', 'completed') OR jsonb_array_length(p.pending) > 0`,
    )
  ).rows;
  const backlogs = await Promise.all(CONTEXTS.map(async (ctx) => (await system.pools[ctx].query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).rows[0].n));
  const lag = await consumerLag(system);
  return { open, outbox: backlogs.reduce((a, b) => a + b, 0), lag, done: open === 0 && backlogs.every((n) => n === 0) && lag === 0 };
}

async function consumerLag(system) {
  const positions = await consumerPositions(system);
  return Object.values(positions).reduce((sum, { lag }) => sum + lag, 0);
}

/**
 * Where each context's consumer group stands: the sum of its committed offsets over the topics it
 * consumes (it grows only when the group commits, i.e. handles messages) and its lag behind their ends.
 * @returns {Promise<Record<string, { committed: number, lag: number }>>}
 */
export async function consumerPositions(system) {
  const positions = {};
  const topics = await system.admin.listTopics();
  for (const ctx of CONTEXTS) {
    positions[ctx] = { committed: 0, lag: 0 };
    const consumed = topics.filter((topic) => topic.startsWith(system.prefix) && !topic.endsWith('dead-letters'));
    const committed = await system.admin.fetchOffsets({ groupId: system.groupIds[ctx], topics: consumed });
    for (const { topic, partitions } of committed) {
      // A topic the context does not consume has no committed offsets: it is not lag.
      if (partitions.every((p) => p.offset === '-1')) continue;
      const ends = await system.admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const at = Math.max(Number(partitions.find((p) => p.partition === end.partition)?.offset ?? '-1'), Number(end.low));
        positions[ctx].committed += at;
        positions[ctx].lag += Number(end.high) - at;
      }
    }
  }
  return positions;
}

/** Every message on a topic, from its beginning to its end as of now: key and the error the consumer recorded. */
async function readAll(kafka, topic) {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const total = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  if (total === 0) return [];
  const consumer = kafka.consumer({ groupId: `chaos-reader-${Math.random().toString(36).slice(2)}`, allowAutoTopicCreation: false });
  const messages = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const all = new Promise((resolve) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        messages.push({ key: message.key?.toString() ?? null, errorType: message.headers?.['bazaar-dlt-error-type']?.toString() ?? null });
        if (messages.length >= total) resolve();
      },
    });
  });
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  await consumer.disconnect();
  return messages;
}

/** The contexts that consume `checkout.orders`, where the poison goes: every one but Checkout, whose order process begins in the order's own transaction. */
const CHECKOUT_ORDERS_CONSUMERS = ['fulfillment', 'finance', 'support'];

/**
 * The violations of a run:
 * - `lost`: an accepted order Checkout does not have; a paid order Fulfillment never decided
 *   (no reservation) or Finance never deferred; a completed order without its recognized revenue or
 *   its invoice; an order Support never heard of;
 * - `doubled`: more than one shipment, ledger entry of a kind or invoice for an order;
 * - `stranded`: an order not in a final state (or with commands still pending) once the run settled;
 * - `effect-for-cancelled`: a cancelled order still holding stock, a shipment not cancelled, revenue
 *   not reversed, recognized or invoiced; `effect-without-payment`: stock, a shipment or revenue for
 *   an order never authorized;
 * - `not-shipped`: a completed order whose reservation is not shipped or whose shipment did not leave;
 * - `picked-unconfirmed`: a shipment the warehouse picked before Checkout confirmed its order (before
 *   Fulfillment released it), the gap through which an order could be timed out and shipped both;
 * - `unbalanced`: a ledger entry whose debits and credits differ, or a finished order whose deferred
 *   revenue does not net to zero;
 * - `stock`: a SKU whose on-hand units plus those shipped are not what was stocked, or whose reserved
 *   units are not what open reservations hold;
 * - `wrong-outcome`: an order that ended other than its kind says;
 * - `support-diverged`: Support's status or reason is not Checkout's;
 * - `unexpected-dead-letter`: a parked message that is not injected poison; `poison-not-parked`:
 *   poison a consumer did not park (parking is at least once, like every delivery);
 * - `consumers-not-resumed`: after a broker restart, consumers not back in their groups, or a group
 *   with messages waiting that commits nothing, within 180 s (how soon a new order went all the way
 *   through is reported too, but it also waits behind whatever backlog the restart left);
 * - `not-settled`: messages still unpublished or unconsumed at the end;
 * - `crashed`: a replica exited on its own (neither killed nor scaled away by the run).
 */
export function evaluate({ snapshot, trials, initialStock = {}, poisonKeys, resumes, settledState, crashes = [] }) {
  const violations = [];
  const violation = (invariant, detail, orderId = null) => violations.push({ invariant, orderId, detail });
  for (const crash of crashes) {
    violation('crashed', `${crash.replica} exited on its own (${crash.code ?? crash.signal}) ${Math.round(crash.atMs / 1000)} s into the run (${crash.log})`);
  }
  const byOrder = (rows) => {
    const map = new Map();
    for (const row of rows ?? []) map.set(row.orderId, [...(map.get(row.orderId) ?? []), row]);
    return map;
  };
  const orders = new Map(snapshot.orders.map((order) => [order.id, order]));
  const shipments = byOrder(snapshot.shipments);
  const reservations = byOrder(snapshot.reservations);
  const ledger = byOrder(snapshot.ledger);
  const invoices = byOrder(snapshot.invoices);
  const views = new Map(snapshot.views.map((view) => [view.orderId, view]));

  for (const [key, trial] of trials) {
    if (trial.orderId && !orders.has(trial.orderId)) violation('lost', `accepted as ${key} (201) but Checkout has no such order`, trial.orderId);
  }
  const trialOf = new Map([...trials.values()].filter((t) => t.orderId).map((t) => [t.orderId, t]));

  for (const order of snapshot.orders) {
    const id = order.id;
    if (!FINAL_STATUSES.has(order.status) || !FINAL_STEPS.has(order.step) || order.pending > 0) {
      violation('stranded', `status ${order.status}, process ${order.step ?? 'missing'} with ${order.pending} pending`, id);
    }
    const own = shipments.get(id) ?? [];
    const [reservation] = reservations.get(id) ?? [];
    const entries = ledger.get(id) ?? [];
    const kinds = (kind) => entries.filter((e) => e.kind === kind);
    const invoiced = (invoices.get(id) ?? []).length;
    if (own.length > 1) violation('doubled', `${own.length} shipments`, id);
    for (const shipment of own) if (shipment.pickedUnconfirmed) violation('picked-unconfirmed', `shipment ${shipment.status}, picked before its order was confirmed`, id);
    for (const kind of ['deferred', 'recognized', 'reversal']) if (kinds(kind).length > 1) violation('doubled', `${kinds(kind).length} ${kind} revenue entries`, id);
    if (invoiced > 1) violation('doubled', `${invoiced} invoices`, id);
    for (const entry of entries) if (entry.debits !== entry.credits) violation('unbalanced', `${entry.kind} entry debits ${entry.debits} ≠ credits ${entry.credits}`, id);
    const deferredNet = entries.reduce((sum, entry) => sum + (entry.deferred ?? 0), 0);
    if (FINAL_STATUSES.has(order.status) && deferredNet !== 0) violation('unbalanced', `finished with ${deferredNet} still in deferred revenue`, id);

    if (order.authorized) {
      if (!reservation || reservation.status === 'cancelled') violation('lost', `paid, but Fulfillment ${reservation ? 'heard its cancellation first' : 'never decided it'}`, id);
      if (kinds('deferred').length === 0) violation('lost', 'paid, but Finance deferred no revenue', id);
    } else {
      if (reservation && reservation.status !== 'cancelled') violation('effect-without-payment', `reservation ${reservation.status} for an order never authorized`, id);
      if (own.length > 0) violation('effect-without-payment', `shipment ${own[0].status} for an order never authorized`, id);
      if (entries.length > 0) violation('effect-without-payment', `${entries.map((e) => e.kind).join(', ')} revenue for an order never authorized`, id);
    }
    if (order.status === 'cancelled') {
      if (reservation && (reservation.status === 'reserved' || reservation.status === 'shipped')) violation('effect-for-cancelled', `reservation still ${reservation.status}`, id);
      for (const shipment of own) if (shipment.status !== 'cancelled') violation('effect-for-cancelled', `shipment still ${shipment.status}`, id);
      if (kinds('deferred').length > 0 && kinds('reversal').length === 0) violation('effect-for-cancelled', 'revenue deferred and never reversed', id);
      if (kinds('recognized').length > 0) violation('effect-for-cancelled', 'revenue recognized', id);
      if (invoiced > 0) violation('effect-for-cancelled', 'invoiced', id);
    }
    if (order.status === 'completed') {
      if (reservation?.status !== 'shipped') violation('not-shipped', `completed, but its reservation is ${reservation?.status ?? 'missing'}`, id);
      if (!own.some((shipment) => shipment.status === 'dispatched' || shipment.status === 'delivered'))
        violation('not-shipped', `completed, but its shipment is ${own[0]?.status ?? 'missing'}`, id);
      if (kinds('recognized').length === 0) violation('lost', 'completed, but Finance recognized no revenue', id);
      if (invoiced === 0) violation('lost', 'completed, but Finance issued no invoice', id);
    }
    const view = views.get(id);
    if (!view) violation('lost', 'Support has no view of the order', id);
    else if (view.status !== order.status || (view.reason ?? null) !== (order.reason ?? null)) {
      violation(
        'support-diverged',
        `Support says ${view.status}${view.reason ? ` (${view.reason})` : ''}, Checkout ${order.status}${order.reason ? ` (${order.reason})` : ''}`,
        id,
      );
    }
    const trial = trialOf.get(id);
    if (trial) {
      const expected = expectedEnd(trial);
      if (expected && !expected.some((end) => end.status === order.status && end.reason === (order.reason ?? null))) {
        violation(
          'wrong-outcome',
          `${trial.kind} order ended ${order.status}${order.reason ? ` (${order.reason})` : ''}, expected ${expected.map((e) => `${e.status}${e.reason ? ` (${e.reason})` : ''}`).join(' or ')}`,
          id,
        );
      }
    }
  }

  const shippedOf = new Map();
  const heldOf = new Map();
  for (const reservation of snapshot.reservations ?? []) {
    const into = reservation.status === 'shipped' ? shippedOf : reservation.status === 'reserved' ? heldOf : null;
    for (const line of into ? reservation.lines : []) into.set(line.sku, (into.get(line.sku) ?? 0) + line.quantity);
  }
  for (const [sku, stocked] of Object.entries(initialStock)) {
    const item = (snapshot.stock ?? []).find((s) => s.sku === sku);
    if (!item) {
      violation('stock', `${sku} was stocked (${stocked}) but Fulfillment has no such item`);
      continue;
    }
    const shipped = shippedOf.get(sku) ?? 0;
    if (item.onHand + shipped !== stocked) violation('stock', `${sku}: ${item.onHand} on hand + ${shipped} shipped ≠ ${stocked} stocked`);
    if (item.reserved !== (heldOf.get(sku) ?? 0)) violation('stock', `${sku}: ${item.reserved} reserved, open reservations hold ${heldOf.get(sku) ?? 0}`);
  }

  const poison = new Set(poisonKeys);
  for (const [ctx, letters] of Object.entries(snapshot.deadLetters)) {
    const parked = new Set();
    for (const letter of letters) {
      if (!poison.has(letter.key)) violation('unexpected-dead-letter', `${ctx} parked ${letter.key} (${letter.errorType})`, letter.key);
      else parked.add(letter.key);
    }
    // At least once: a consumer killed between parking a message and committing past it parks it again.
    if (!CHECKOUT_ORDERS_CONSUMERS.includes(ctx)) continue;
    for (const key of poisonKeys) if (!parked.has(key)) violation('poison-not-parked', `${ctx} did not park ${key}`);
  }
  for (const [i, resume] of resumes.entries()) {
    if (resume.consumersBack === null || resume.progressBack === null)
      violation(
        'consumers-not-resumed',
        `after ${resume.kind} #${i + 1}: consumers ${resume.consumersBack === null ? 'not back in their groups' : 'back in their groups'}, ${resume.progressBack === null ? `not consuming (${resume.stuck})` : 'consuming'}`,
      );
  }
  if (settledState && (settledState.outbox > 0 || settledState.lag > 0)) {
    violation('not-settled', `${settledState.outbox} outbox rows unpublished, ${settledState.lag} messages unconsumed`);
  }
  return violations;
}

/**
 * How an order of this kind may end. Any order Fulfillment could not answer before Checkout's
 * deadline (a broker restart, a frozen replica) may end `timed_out` instead; a buyer's cancellation
 * that Checkout accepted (200) is what ended it; one it refused (409) means the deadline came first.
 */
export function expectedEnd(trial) {
  const timedOut = { status: 'cancelled', reason: 'timed_out' };
  switch (trial.kind) {
    case 'complete':
      return [{ status: 'completed', reason: null }, timedOut];
    case 'out-of-stock':
      return [{ status: 'cancelled', reason: 'out_of_stock' }, timedOut];
    case 'declined':
      return [{ status: 'cancelled', reason: 'payment_declined' }];
    case 'buyer-cancel':
      return trial.cancel === 200 ? [{ status: 'cancelled', reason: 'buyer_cancelled' }] : [timedOut];
    default:
      return null;
  }
}
