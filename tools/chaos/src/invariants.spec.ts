import { evaluate } from '../lib/invariants.mjs';

/** One order's facts in every context, as `collect` reads them; a test changes what it is about. */
function aRun() {
  const paid = { id: 'o-paid', status: 'cancelled', reason: 'timed_out', authorized: true, key: 'k-paid', step: 'cancelled', pending: 0 };
  const declined = { id: 'o-declined', status: 'cancelled', reason: 'payment_declined', authorized: false, key: 'k-declined', step: 'cancelled', pending: 0 };
  return {
    snapshot: {
      orders: [paid, declined],
      shipments: [{ orderId: 'o-paid', status: 'cancelled' }],
      ledger: [
        { orderId: 'o-paid', kind: 'deferred', amount: 3399, debits: 3399, credits: 3399 },
        { orderId: 'o-paid', kind: 'reversal', amount: 3399, debits: 3399, credits: 3399 },
      ],
      views: [
        { orderId: 'o-paid', status: 'cancelled', reason: 'timed_out' },
        { orderId: 'o-declined', status: 'cancelled', reason: 'payment_declined' },
      ],
      deadLetters: { checkout: [{ key: 'poison-1', errorType: 'MalformedMessage' }], fulfillment: [{ key: 'poison-1', errorType: 'MalformedMessage' }] },
    },
    trials: new Map<string, unknown>([
      ['k-paid', { kind: 'paid', orderId: 'o-paid', cancel: null }],
      ['k-declined', { kind: 'declined', orderId: 'o-declined', cancel: null }],
    ]),
    poisonKeys: ['poison-1'],
    resumes: [{ kind: 'broker-restart', brokerBack: 5, consumersBack: 9, flowBack: 12 }],
    settledState: { open: 0, outbox: 0, lag: 0, done: true },
  };
}

const invariantsOf = (run: ReturnType<typeof aRun>) => evaluate(run).map((v: { invariant: string }) => v.invariant);

describe('the invariants of a chaos run', () => {
  it('find nothing wrong when every order ended as it should everywhere', () => {
    expect(evaluate(aRun())).toEqual([]);
  });

  it('call an accepted order Checkout does not have lost, and so a paid order without its shipment or revenue', () => {
    const run = aRun();
    run.trials.set('k-vanished', { kind: 'paid', orderId: 'o-vanished', cancel: null });
    run.snapshot.shipments = [];
    run.snapshot.ledger = [];

    expect(invariantsOf(run)).toEqual(['lost', 'lost', 'lost']);
  });

  it('call an order that did not reach a final state, or still has commands to carry out, stranded', () => {
    const run = aRun();
    run.snapshot.orders[1] = { ...run.snapshot.orders[1]!, status: 'placed', step: 'screening', reason: null as never };
    run.snapshot.orders[0] = { ...run.snapshot.orders[0]!, pending: 1 };

    expect(invariantsOf(run)).toEqual(expect.arrayContaining(['stranded', 'stranded']));
    expect(invariantsOf(run).filter((name: string) => name === 'stranded')).toHaveLength(2);
  });

  it('call a second shipment or ledger entry of a kind doubled, and an entry whose sides differ unbalanced', () => {
    const run = aRun();
    run.snapshot.shipments.push({ orderId: 'o-paid', status: 'cancelled' });
    run.snapshot.ledger.push({ orderId: 'o-paid', kind: 'deferred', amount: 3399, debits: 3399, credits: 3300 });

    expect(invariantsOf(run).sort()).toEqual(['doubled', 'doubled', 'unbalanced']);
  });

  it('refuse any effect left standing for a cancelled order, and any effect for an order never paid', () => {
    const run = aRun();
    run.snapshot.shipments = [{ orderId: 'o-paid', status: 'created' }, { orderId: 'o-declined', status: 'cancelled' }];
    run.snapshot.ledger = run.snapshot.ledger.filter((entry) => entry.kind === 'deferred');

    expect(invariantsOf(run).sort()).toEqual(['effect-for-cancelled', 'effect-for-cancelled', 'effect-without-payment']);
  });

  it('compare each order\'s end with its kind, and Support\'s view with Checkout', () => {
    const run = aRun();
    run.snapshot.orders[0] = { ...run.snapshot.orders[0]!, reason: 'buyer_cancelled' };
    run.snapshot.views[0] = { ...run.snapshot.views[0]!, reason: 'buyer_cancelled' };
    run.snapshot.views[1] = { ...run.snapshot.views[1]!, status: 'payment_authorized', reason: null as never };

    expect(invariantsOf(run).sort()).toEqual(['support-diverged', 'wrong-outcome']);
  });

  it('accept a buyer\'s cancellation only when Checkout accepted it, and the deadline when it refused it', () => {
    const run = aRun();
    run.trials.set('k-paid', { kind: 'buyer-cancel', orderId: 'o-paid', cancel: 200 });
    expect(invariantsOf(run)).toEqual(['wrong-outcome']);

    run.trials.set('k-paid', { kind: 'buyer-cancel', orderId: 'o-paid', cancel: 409 });
    expect(invariantsOf(run)).toEqual([]);
  });

  it('allow dead letters for injected poison only, parked by every consumer at least once', () => {
    const run = aRun();
    run.snapshot.deadLetters.checkout.push({ key: 'o-paid', errorType: 'UnexpectedProcessInput' }, { key: 'poison-1', errorType: 'MalformedMessage' });
    run.snapshot.deadLetters.fulfillment = [];

    expect(invariantsOf(run).sort()).toEqual(['poison-not-parked', 'unexpected-dead-letter']);
  });

  it('require consumers to come back after every broker restart, and nothing left unpublished or unconsumed', () => {
    const run = aRun();
    run.resumes.push({ kind: 'broker-kill', brokerBack: 15, consumersBack: null as never, flowBack: null as never });
    run.settledState = { open: 0, outbox: 2, lag: 5, done: false };

    expect(invariantsOf(run).sort()).toEqual(['consumers-not-resumed', 'not-settled']);
  });
});
