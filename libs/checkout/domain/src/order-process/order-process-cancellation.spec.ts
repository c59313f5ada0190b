import { anOrderProcess, OrderProcessBuilder } from '../testing/order-process.builder';
import { OrderProcess } from './order-process';
import { defaultOrderProcessSettings } from './order-process-settings';
import { ProcessInput } from './process-input';

const settings = defaultOrderProcessSettings;
const at = new Date('2026-11-21T12:00:00.000Z');

function when(process: OrderProcess, input: ProcessInput, time = at): OrderProcess {
  process.handle(input, time, settings);
  return process;
}

describe('The buyer cancels', () => {
  it.each<[string, OrderProcessBuilder]>([
    ['screening', anOrderProcess()],
    ['awaiting_fraud_review', anOrderProcess().awaitingFraudReview()],
    ['authorizing', anOrderProcess().authorizing()],
  ])('given an order %s (nothing authorized), then only the order is cancelled, and whatever was still to do is dropped', (_, builder) => {
    const process = when(builder.build(), { type: 'BuyerCancelled' });

    expect([process.step, process.cancellationReason]).toEqual(['cancelling', 'buyer_cancelled']);
    expect(process.pending).toEqual([{ type: 'CancelOrder', reason: 'buyer_cancelled' }]);
  });

  it.each<[string, OrderProcessBuilder]>([
    ['awaiting_inventory', anOrderProcess().awaitingInventory('auth-4')],
    ['confirmed', anOrderProcess().awaitingInventory('auth-4').after({ type: 'InventoryReserved' })],
  ])('given an order %s, then the order is cancelled and its authorization voided', (_, builder) => {
    const process = when(builder.build(), { type: 'BuyerCancelled' });

    expect(process.pending).toEqual([
      { type: 'CancelOrder', reason: 'buyer_cancelled' },
      { type: 'VoidAuthorization', authorizationId: 'auth-4' },
    ]);
  });

  it('given a dispatched order, then the buyer is told it is too late (409 order_already_dispatched)', () => {
    expect(() => anOrderProcess().completed().build().handle({ type: 'BuyerCancelled' }, at, settings)).toThrow(
      expect.objectContaining({ code: 'order_already_dispatched', kind: 'conflict' }),
    );
  });

  it('given the buyer cancels twice, then the second decides nothing new', () => {
    const process = when(anOrderProcess().authorizing().build(), { type: 'BuyerCancelled' });

    expect(process.handle({ type: 'BuyerCancelled' }, at, settings)).toBe(false);
  });

  it('given an order cancelled for another reason, then the buyer is told it is already cancelled', () => {
    const process = when(anOrderProcess().authorizing().build(), { type: 'PaymentDeclined', reason: 'declined' });

    expect(() => process.handle({ type: 'BuyerCancelled' }, at, settings)).toThrow(expect.objectContaining({ code: 'order_already_cancelled' }));
  });

  it('given an authorization that lands after the buyer cancelled, then it is voided', () => {
    const process = when(anOrderProcess().authorizing().build(), { type: 'BuyerCancelled' });
    when(process, { type: 'CommandCarriedOut', command: 'CancelOrder' });
    expect(process.step).toBe('cancelled');

    when(process, { type: 'PaymentAuthorized', authorizationId: 'auth-late' });

    expect([process.step, process.pending]).toEqual(['cancelling', [{ type: 'VoidAuthorization', authorizationId: 'auth-late' }]]);
    expect(process.handle({ type: 'PaymentAuthorized', authorizationId: 'auth-late' }, at, settings)).toBe(false);
  });
});

describe('Compensation never voids twice', () => {
  it('given a timeout and then a buyer cancel before anything ran, then one void is pending', () => {
    const process = when(anOrderProcess().awaitingInventory('auth-1').build(), { type: 'DeadlineReached' }, new Date('2026-11-22T00:00:00.000Z'));

    expect(() => process.handle({ type: 'BuyerCancelled' }, at, settings)).toThrow(expect.objectContaining({ code: 'order_already_cancelled' }));
    expect(process.pending.filter((command) => command.type === 'VoidAuthorization')).toHaveLength(1);
  });

  it('given the void done, then a late copy of the authorization changes nothing', () => {
    const process = when(anOrderProcess().awaitingInventory('auth-1').build(), { type: 'InventoryReservationFailed' });
    when(process, { type: 'CommandCarriedOut', command: 'CancelOrder' });
    when(process, { type: 'CommandCarriedOut', command: 'VoidAuthorization' });

    expect(process.handle({ type: 'PaymentAuthorized', authorizationId: 'auth-1' }, at, settings)).toBe(false);
    expect(process.step).toBe('cancelled');
  });
});
