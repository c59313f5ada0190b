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
  const [orders, shipments, ledger, views] = await Promise.all([
    q('checkout', `
      SELECT o.id, o.status, o.cancellation_reason AS reason, (o.payment_state = 'authorized') AS authorized, k.key,
             p.step, coalesce(jsonb_array_length(p.pending), 0)::int AS pending
        FROM orders o LEFT JOIN order_processes p ON p.order_id = o.id LEFT JOIN idempotency_keys k ON k.order_id = o.id`),
    q('fulfillment', 'SELECT order_id, status FROM shipments'),
    q('finance', `
      SELECT e.order_id, e.kind, e.amount::bigint AS amount,
             sum(CASE WHEN l.side = 'debit' THEN l.amount ELSE 0 END)::bigint AS debits,
             sum(CASE WHEN l.side = 'credit' THEN l.amount ELSE 0 END)::bigint AS credits
        FROM revenue_events e JOIN ledger_lines l ON l.revenue_event_id = e.id GROUP BY e.id, e.order_id, e.kind, e.amount`),
    q('support', `SELECT order_id, view->>'status' AS status, view->'cancellation'->>'reason' AS reason FROM case_order_views`),
  ]);
  const deadLetters = Object.fromEntries(await Promise.all(CONTEXTS.map(async (ctx) => [ctx, await readAll(system.kafka, system.topic(`${ctx}.dead-letters`))])));
  return {
    orders: orders.map((o) => ({ id: o.id, status: o.status, reason: o.reason, authorized: Boolean(o.authorized), key: o.key, step: o.step, pending: o.pending })),
    shipments: shipments.map((s) => ({ orderId: s.order_id, status: s.status })),
    ledger: ledger.map((e) => ({ orderId: e.order_id, kind: e.kind, amount: Number(e.amount), debits: Number(e.debits), credits: Number(e.credits) })),
    views: views.map((v) => ({ orderId: v.order_id, status: v.status, reason: v.reason })),
    deadLetters,
  };
}

/** Whether the system has settled: every order final, every outbox empty, every group at the end of its topics. */
export async function settled(system) {
  const [{ n: open }] = (await system.pools.checkout.query(
    `SELECT count(*)::int AS n FROM orders o LEFT JOIN order_processes p ON p.order_id = o.id
      WHERE o.status NOT IN ('cancelled', 'completed') OR p.step NOT IN ('cancelled', 'completed') OR jsonb_array_length(p.pending) > 0`,
  )).rows;
  const backlogs = await Promise.all(CONTEXTS.map(async (ctx) => (await system.pools[ctx].query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).rows[0].n));
  const lag = await consumerLag(system);
  return { open, outbox: backlogs.reduce((a, b) => a + b, 0), lag, done: open === 0 && backlogs.every((n) => n === 0) && lag === 0 };
}

async function consumerLag(system) {
  let lag = 0;
  const topics = await system.admin.listTopics();
  for (const ctx of CONTEXTS) {
    const consumed = topics.filter((topic) => topic.startsWith(system.prefix) && !topic.endsWith('dead-letters'));
    const committed = await system.admin.fetchOffsets({ groupId: system.groupIds[ctx], topics: consumed });
    for (const { topic, partitions } of committed) {
      // A topic the context does not consume has no committed offsets: it is not lag.
      if (partitions.every((p) => p.offset === '-1')) continue;
      const ends = await system.admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const at = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        lag += Number(end.high) - Math.max(Number(at), Number(end.low));
      }
    }
  }
  return lag;
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

/**
 * The violations of a run:
 * - `lost`: an accepted order Checkout does not have; a paid order without its shipment or its
 *   deferred revenue; an order Support never heard of;
 * - `doubled`: more than one shipment, deferred entry or reversal for an order;
 * - `stranded`: an order not in a final state (or with commands still pending) once the run settled;
 * - `effect-for-cancelled`: a cancelled order whose shipment is not cancelled or whose revenue is
 *   not reversed; `effect-without-payment`: a shipment or revenue for an order never authorized;
 * - `unbalanced`: a ledger entry whose debits and credits differ;
 * - `wrong-outcome`: an order that ended other than its kind says;
 * - `support-diverged`: Support's status or reason is not Checkout's;
 * - `unexpected-dead-letter`: a parked message that is not injected poison; `poison-not-parked`:
 *   poison a consumer did not park (parking is at least once, like every delivery);
 * - `consumers-not-resumed`: after a broker restart, consumers or the flow did not come back;
 * - `not-settled`: messages still unpublished or unconsumed at the end.
 */
export function evaluate({ snapshot, trials, poisonKeys, resumes, settledState }) {
  const violations = [];
  const violation = (invariant, detail, orderId = null) => violations.push({ invariant, orderId, detail });
  const byOrder = (rows) => {
    const map = new Map();
    for (const row of rows) map.set(row.orderId, [...(map.get(row.orderId) ?? []), row]);
    return map;
  };
  const orders = new Map(snapshot.orders.map((order) => [order.id, order]));
  const shipments = byOrder(snapshot.shipments);
  const ledger = byOrder(snapshot.ledger);
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
    const entries = ledger.get(id) ?? [];
    const deferred = entries.filter((e) => e.kind === 'deferred');
    const reversals = entries.filter((e) => e.kind === 'reversal');
    if (own.length > 1) violation('doubled', `${own.length} shipments`, id);
    if (deferred.length > 1) violation('doubled', `${deferred.length} deferred revenue entries`, id);
    if (reversals.length > 1) violation('doubled', `${reversals.length} revenue reversals`, id);
    for (const entry of entries) if (entry.debits !== entry.credits) violation('unbalanced', `${entry.kind} entry debits ${entry.debits} ≠ credits ${entry.credits}`, id);
    if (order.authorized) {
      if (own.length === 0) violation('lost', 'paid, but Fulfillment has no shipment', id);
      if (deferred.length === 0) violation('lost', 'paid, but Finance deferred no revenue', id);
    } else {
      if (own.length > 0) violation('effect-without-payment', `shipment ${own[0].status} for an order never authorized`, id);
      if (entries.length > 0) violation('effect-without-payment', `${entries.map((e) => e.kind).join(', ')} revenue for an order never authorized`, id);
    }
    if (order.status === 'cancelled') {
      for (const shipment of own) if (shipment.status !== 'cancelled') violation('effect-for-cancelled', `shipment still ${shipment.status}`, id);
      if (deferred.length > 0 && reversals.length === 0) violation('effect-for-cancelled', 'revenue deferred and never reversed', id);
    }
    const view = views.get(id);
    if (!view) violation('lost', 'Support has no view of the order', id);
    else if (view.status !== order.status || (view.reason ?? null) !== (order.reason ?? null)) {
      violation('support-diverged', `Support says ${view.status}${view.reason ? ` (${view.reason})` : ''}, Checkout ${order.status}${order.reason ? ` (${order.reason})` : ''}`, id);
    }
    const trial = trialOf.get(id);
    if (trial) {
      const expected = expectedEnd(trial);
      if (expected && !expected.some((end) => end.status === order.status && end.reason === (order.reason ?? null))) {
        violation('wrong-outcome', `${trial.kind} order ended ${order.status}${order.reason ? ` (${order.reason})` : ''}, expected ${expected.map((e) => `${e.status} (${e.reason})`).join(' or ')}`, id);
      }
    }
  }

  const poison = new Set(poisonKeys);
  for (const [ctx, letters] of Object.entries(snapshot.deadLetters)) {
    const parked = new Map();
    for (const letter of letters) {
      if (!poison.has(letter.key)) violation('unexpected-dead-letter', `${ctx} parked ${letter.key} (${letter.errorType})`, letter.key);
      else parked.set(letter.key, (parked.get(letter.key) ?? 0) + 1);
    }
    // At least once: a consumer killed between parking a message and committing past it parks it again.
    for (const key of poisonKeys) if (!parked.has(key)) violation('poison-not-parked', `${ctx} did not park ${key}`);
  }
  for (const [i, resume] of resumes.entries()) {
    if (resume.consumersBack === null || resume.flowBack === null) violation('consumers-not-resumed', `after ${resume.kind} #${i + 1}: consumers ${resume.consumersBack === null ? 'not back in their groups' : 'back'}, flow ${resume.flowBack === null ? 'not through' : 'through'}`);
  }
  if (settledState && (settledState.outbox > 0 || settledState.lag > 0)) {
    violation('not-settled', `${settledState.outbox} outbox rows unpublished, ${settledState.lag} messages unconsumed`);
  }
  return violations;
}

/**
 * How an order of this kind may end. A paid order waits for a reservation nobody makes, so its
 * deadline cancels it; a buyer's cancellation that Checkout accepted (200) wins unless the deadline
 * or a decline came first; one it refused (409) means another end came first.
 */
export function expectedEnd(trial) {
  const timedOut = { status: 'cancelled', reason: 'timed_out' };
  switch (trial.kind) {
    case 'paid':
      return [timedOut];
    case 'declined':
      return [{ status: 'cancelled', reason: 'payment_declined' }];
    case 'buyer-cancel':
      return trial.cancel === 200 ? [{ status: 'cancelled', reason: 'buyer_cancelled' }] : [timedOut, { status: 'cancelled', reason: 'buyer_cancelled' }];
    default:
      return null;
  }
}
