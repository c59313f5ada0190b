import { anOrderProcess } from '../testing/order-process.builder';
import { backoffAfter, defaultOrderProcessSettings, OrderProcessSettings } from './order-process-settings';

const settings: OrderProcessSettings = { reservationTimeoutMs: 60_000, maxAuthorizationAttempts: 3, backoff: { initialMs: 1_000, maxMs: 3_000 } };
const seconds = (n: number) => new Date(Date.UTC(2026, 10, 21, 12, 0, n));
const unavailable = { type: 'GatewayUnavailable', command: 'AuthorizePayment' } as const;

describe('Backoff', () => {
  it('doubles from the initial wait up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((failures) => backoffAfter(failures, { initialMs: 1_000, maxMs: 5_000 }))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('defaults to five authorization attempts from one second to one minute', () => {
    expect(defaultOrderProcessSettings).toMatchObject({ maxAuthorizationAttempts: 5, backoff: { initialMs: 1_000, maxMs: 60_000 } });
  });
});

describe('Retrying an unavailable gateway', () => {
  it('given a transient failure, then the authorization is tried again after the backoff, not before', () => {
    const process = anOrderProcess().withSettings(settings).authorizing().build();

    process.handle(unavailable, seconds(0), settings);

    expect([process.step, process.attempts, process.dueAt]).toEqual(['authorizing', 1, seconds(1)]);
    expect(process.dueCommand(seconds(0))).toBeUndefined();
    expect(process.dueCommand(seconds(1))).toEqual({ type: 'AuthorizePayment' });
  });

  it('given failures up to the limit, then it gives up: the order is cancelled as timed_out, with nothing to void', () => {
    const process = anOrderProcess().withSettings(settings).authorizing().build();

    process.handle(unavailable, seconds(0), settings);
    process.handle(unavailable, seconds(1), settings);
    expect([process.attempts, process.dueAt]).toEqual([2, seconds(3)]);
    process.handle(unavailable, seconds(3), settings);

    expect([process.step, process.cancellationReason, process.attempts]).toEqual(['cancelling', 'timed_out', 0]);
    expect(process.pending).toEqual([{ type: 'CancelOrder', reason: 'timed_out' }]);
  });

  it('given a success after a failure, then the attempts no longer matter', () => {
    const process = anOrderProcess().withSettings(settings).authorizing().build();
    process.handle(unavailable, seconds(0), settings);

    process.handle({ type: 'PaymentAuthorized', authorizationId: 'auth-1' }, seconds(1), settings);

    expect([process.step, process.attempts]).toEqual(['awaiting_inventory', 0]);
  });

  it('given a void that keeps failing, then it keeps being retried with the capped backoff', () => {
    const process = anOrderProcess().withSettings(settings).awaitingInventory().after({ type: 'BuyerCancelled' }, { type: 'CommandCarriedOut', command: 'CancelOrder' }).build();

    for (let n = 0; n < 6; n++) process.handle({ type: 'GatewayUnavailable', command: 'VoidAuthorization' }, seconds(n * 10), settings);

    expect([process.step, process.attempts, process.dueAt]).toEqual(['cancelling', 6, seconds(53)]);
    expect(process.pending).toEqual([{ type: 'VoidAuthorization', authorizationId: 'auth-1' }]);
  });

  it('given a failure reported for a command no longer at the head, then nothing new', () => {
    const process = anOrderProcess().awaitingInventory().build();

    expect(process.handle(unavailable, seconds(0), settings)).toBe(false);
  });
});
