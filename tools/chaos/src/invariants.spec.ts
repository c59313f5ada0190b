import { evaluate, expectedEnd } from '../lib/invariants.mjs';

/** How consumers came back after one broker restart (seconds from its start; null: not within 180 s). */
interface Resume {
  kind: string;
  brokerBack: number;
  consumersBack: number | null;
  progressBack: number | null;
  flowBack: number | null;
  stuck?: string;
}

const eur3399 = 3399;
const entry = (orderId: string, kind: string, deferred: number) => ({ orderId, kind, amount: eur3399, debits: eur3399, credits: eur3399, deferred });

/** Three orders' facts in every context, as `collect` reads them, all ended as they should; a test changes what it is about. */
function aRun() {
  const completed = { id: 'o-done', status: 'completed', reason: null as string | null, authorized: true, key: 'k-done', step: 'completed', pending: 0 };
  const cancelled = { id: 'o-cancel', status: 'cancelled', reason: 'buyer_cancelled' as string | null, authorized: true, key: 'k-cancel', step: 'cancelled', pending: 0 };
  const declined = { id: 'o-declined', status: 'cancelled', reason: 'payment_declined' as string | null, authorized: false, key: 'k-declined', step: 'cancelled', pending: 0 };
  return {
    snapshot: {
      orders: [completed, cancelled, declined],
      shipments: [
        { orderId: 'o-done', status: 'delivered', pickedUnconfirmed: false },
        { orderId: 'o-cancel', status: 'cancelled', pickedUnconfirmed: false },
      ] as { orderId: string; status: string; pickedUnconfirmed?: boolean }[],
      reservations: [
        { orderId: 'o-done', status: 'shipped', lines: [{ sku: 'MUG-BLUE', quantity: 2 }] },
        { orderId: 'o-cancel', status: 'released', lines: [{ sku: 'MUG-BLUE', quantity: 1 }] },
        { orderId: 'o-declined', status: 'cancelled', lines: [] },
      ],
      stock: [{ sku: 'MUG-BLUE', onHand: 8, reserved: 0 }],
      ledger: [entry('o-done', 'deferred', eur3399), entry('o-done', 'recognized', -eur3399), entry('o-cancel', 'deferred', eur3399), entry('o-cancel', 'reversal', -eur3399)],
      invoices: [{ orderId: 'o-done' }],
      views: [
        { orderId: 'o-done', status: 'completed', reason: null as string | null },
        { orderId: 'o-cancel', status: 'cancelled', reason: 'buyer_cancelled' as string | null },
        { orderId: 'o-declined', status: 'cancelled', reason: 'payment_declined' as string | null },
      ],
      deadLetters: { checkout: [{ key: 'poison-1', errorType: 'MalformedMessage' }], fulfillment: [{ key: 'poison-1', errorType: 'MalformedMessage' }] },
    },
    trials: new Map<string, unknown>([
      ['k-done', { kind: 'complete', orderId: 'o-done', cancel: null }],
      ['k-cancel', { kind: 'buyer-cancel', orderId: 'o-cancel', cancel: 200 }],
      ['k-declined', { kind: 'declined', orderId: 'o-declined', cancel: null }],
    ]),
    initialStock: { 'MUG-BLUE': 10 },
    poisonKeys: ['poison-1'],
    resumes: [{ kind: 'broker-restart', brokerBack: 5, consumersBack: 9, progressBack: 10, flowBack: 12 } as Resume],
    settledState: { open: 0, outbox: 0, lag: 0, done: true },
  };
}

const invariantsOf = (run: ReturnType<typeof aRun>) =>
  evaluate(run)
    .map((v: { invariant: string }) => v.invariant)
    .sort();

describe('the invariants of a chaos run', () => {
  it('find nothing wrong when every order ended as it should everywhere', () => {
    expect(evaluate(aRun())).toEqual([]);
  });

  it('call lost an accepted order Checkout does not have, a paid order never decided or deferred, a completed one never recognized or invoiced', () => {
    const run = aRun();
    run.trials.set('k-vanished', { kind: 'complete', orderId: 'o-vanished', cancel: null });
    run.snapshot.reservations = run.snapshot.reservations.filter((r) => r.orderId !== 'o-cancel');
    run.snapshot.ledger = run.snapshot.ledger.filter((e) => e.kind !== 'recognized' && e.orderId !== 'o-cancel');
    run.snapshot.invoices = [];

    expect(invariantsOf(run)).toEqual(['lost', 'lost', 'lost', 'lost', 'lost', 'unbalanced']);
  });

  it('call an order that did not reach a final state, or still has commands to carry out, stranded', () => {
    const run = aRun();
    run.snapshot.orders[0] = { ...run.snapshot.orders[0]!, status: 'confirmed', step: 'confirmed' };
    run.snapshot.views[0] = { ...run.snapshot.views[0]!, status: 'confirmed' };
    run.snapshot.orders[2] = { ...run.snapshot.orders[2]!, pending: 1 };

    expect(invariantsOf(run).filter((name: string) => name === 'stranded')).toHaveLength(2);
  });

  it('call a second shipment, entry of a kind or invoice doubled, and entries whose sides differ or leave deferred revenue unbalanced', () => {
    const run = aRun();
    run.snapshot.shipments.push({ orderId: 'o-done', status: 'cancelled' });
    run.snapshot.invoices.push({ orderId: 'o-done' });
    run.snapshot.ledger.push({ ...entry('o-done', 'recognized', 0), credits: 3300 });

    expect(invariantsOf(run)).toEqual(['doubled', 'doubled', 'doubled', 'unbalanced']);
  });

  it('refuse any effect left standing for a cancelled order', () => {
    const run = aRun();
    run.snapshot.reservations[1] = { ...run.snapshot.reservations[1]!, status: 'reserved' };
    run.snapshot.stock[0] = { ...run.snapshot.stock[0]!, reserved: 1 };
    run.snapshot.shipments[1] = { orderId: 'o-cancel', status: 'packed' };
    run.snapshot.ledger = run.snapshot.ledger.filter((e) => e.kind !== 'reversal');
    run.snapshot.invoices.push({ orderId: 'o-cancel' });

    expect(invariantsOf(run)).toEqual(['effect-for-cancelled', 'effect-for-cancelled', 'effect-for-cancelled', 'effect-for-cancelled', 'unbalanced']);
  });

  it('refuse any effect for an order never authorized', () => {
    const run = aRun();
    run.snapshot.reservations[2] = { orderId: 'o-declined', status: 'released', lines: [] };
    run.snapshot.shipments.push({ orderId: 'o-declined', status: 'cancelled' });

    expect(invariantsOf(run)).toEqual(['effect-without-payment', 'effect-without-payment']);
  });

  it('want no shipment picked before its order was confirmed (released to the warehouse)', () => {
    const run = aRun();
    run.snapshot.shipments[0] = { orderId: 'o-done', status: 'delivered', pickedUnconfirmed: true };

    expect(invariantsOf(run)).toEqual(['picked-unconfirmed']);
  });

  it('want a completed order shipped, and every unit stocked either on the shelf or shipped', () => {
    const run = aRun();
    run.snapshot.reservations[0] = { ...run.snapshot.reservations[0]!, status: 'released' };
    run.snapshot.shipments[0] = { orderId: 'o-done', status: 'packed' };

    expect(invariantsOf(run)).toEqual(['not-shipped', 'not-shipped', 'stock']);
  });

  it("compare each order's end with its kind, and Support's view with Checkout", () => {
    const run = aRun();
    run.snapshot.orders[1] = { ...run.snapshot.orders[1]!, reason: 'timed_out' };
    run.snapshot.views[1] = { ...run.snapshot.views[1]!, reason: 'timed_out' };
    run.snapshot.views[2] = { ...run.snapshot.views[2]!, status: 'payment_authorized', reason: null };

    expect(invariantsOf(run)).toEqual(['support-diverged', 'wrong-outcome']);
  });

  it('allow dead letters for injected poison only, parked by every consumer at least once', () => {
    const run = aRun();
    run.snapshot.deadLetters.checkout.push({ key: 'o-done', errorType: 'UnexpectedProcessInput' }, { key: 'poison-1', errorType: 'MalformedMessage' });
    run.snapshot.deadLetters.fulfillment = [];

    expect(invariantsOf(run)).toEqual(['poison-not-parked', 'unexpected-dead-letter']);
  });

  it('require consumers to come back after every broker restart, and nothing left unpublished or unconsumed', () => {
    const run = aRun();
    run.resumes.push({ kind: 'broker-kill', brokerBack: 15, consumersBack: null, progressBack: null, flowBack: null, stuck: 'fulfillment 40 behind, no commit' });
    run.settledState = { open: 0, outbox: 2, lag: 5, done: false };

    expect(invariantsOf(run)).toEqual(['consumers-not-resumed', 'not-settled']);
  });

  it('require a group with messages waiting to commit again, not only to be back in its group', () => {
    const run = aRun();
    run.resumes.push({ kind: 'broker-restart', brokerBack: 6, consumersBack: 14, progressBack: null, flowBack: null, stuck: 'support 812 behind, no commit' });

    const violations = evaluate(run as never);
    expect(violations.map((v) => v.invariant)).toEqual(['consumers-not-resumed']);
    expect(violations[0]!.detail).toContain('support 812 behind, no commit');
  });

  it('take a new order late behind a backlog, while every group commits, for consumers that resumed', () => {
    const run = aRun();
    run.resumes.push({ kind: 'broker-restart', brokerBack: 21, consumersBack: 45, progressBack: 47, flowBack: null });

    expect(invariantsOf(run)).toEqual([]);
  });

  it('call a replica that exited by itself a crash, whatever the data says', () => {
    const crashes = [{ replica: 'finance#3', code: 1, signal: null, atMs: 12_400, log: 'logs/finance-3.log' }];

    expect(evaluate({ ...aRun(), crashes })).toEqual([{ invariant: 'crashed', orderId: null, detail: 'finance#3 exited on its own (1) 12 s into the run (logs/finance-3.log)' }]);
  });
});

describe('how an order may end', () => {
  it('completes or times out when it is to be shipped, and ends as its buyer asked only when Checkout accepted the cancellation', () => {
    expect(expectedEnd({ kind: 'complete' })).toEqual([
      { status: 'completed', reason: null },
      { status: 'cancelled', reason: 'timed_out' },
    ]);
    expect(expectedEnd({ kind: 'declined' })).toEqual([{ status: 'cancelled', reason: 'payment_declined' }]);
    expect(expectedEnd({ kind: 'buyer-cancel', cancel: 200 })).toEqual([{ status: 'cancelled', reason: 'buyer_cancelled' }]);
    expect(expectedEnd({ kind: 'buyer-cancel', cancel: 409 })).toEqual([{ status: 'cancelled', reason: 'timed_out' }]);
  });
});
