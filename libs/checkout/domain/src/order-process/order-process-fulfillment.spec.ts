import { anOrderProcess } from '../testing/order-process.builder';
import { OrderProcess } from './order-process';
import { defaultOrderProcessSettings } from './order-process-settings';
import { ProcessInput } from './process-input';

const settings = defaultOrderProcessSettings;
const at = new Date('2026-11-21T12:00:00.000Z');

function when(process: OrderProcess, input: ProcessInput, time = at): OrderProcess {
  process.handle(input, time, settings);
  return process;
}

describe('Fulfillment answers the reservation', () => {
  it('given inventory reserved, then the order is confirmed', () => {
    const process = when(anOrderProcess().awaitingInventory().build(), { type: 'InventoryReserved' });

    expect([process.step, process.pending, process.deadline]).toEqual(['confirmed', [{ type: 'ConfirmOrder' }], undefined]);
  });

  it('given the reservation failed, then the order is cancelled as out_of_stock and its authorization voided', () => {
    const process = when(anOrderProcess().awaitingInventory('auth-7').build(), { type: 'InventoryReservationFailed' });

    expect(process.step).toBe('cancelling');
    expect(process.cancellationReason).toBe('out_of_stock');
    expect(process.pending).toEqual([
      { type: 'CancelOrder', reason: 'out_of_stock' },
      { type: 'VoidAuthorization', authorizationId: 'auth-7' },
    ]);

    when(process, { type: 'CommandCarriedOut', command: 'CancelOrder' });
    expect(process.step).toBe('cancelling');
    when(process, { type: 'CommandCarriedOut', command: 'VoidAuthorization' });
    expect([process.step, process.pending, process.authorizationVoided]).toEqual(['cancelled', [], true]);
  });

  it.each<ProcessInput['type']>(['InventoryReserved', 'InventoryReservationFailed'])('given %s replayed, then nothing new is decided', (type) => {
    const process = when(anOrderProcess().awaitingInventory().build(), { type } as ProcessInput);

    expect(process.handle({ type } as ProcessInput, at, settings)).toBe(false);
  });

  it('given a reservation after the process gave up, then nothing changes (Fulfillment releases it on OrderCancelled)', () => {
    const process = when(anOrderProcess().awaitingInventory().build(), { type: 'DeadlineReached' }, new Date('2026-11-22T00:00:00.000Z'));

    expect(process.handle({ type: 'InventoryReserved' }, at, settings)).toBe(false);
    expect(process.cancellationReason).toBe('timed_out');
  });

  it('given Fulfillment answered before the process heard of the authorization (a process from before payments were recorded by it), then the answer is kept and acted on then', () => {
    const reserved = when(anOrderProcess().authorizing().build(), { type: 'InventoryReserved' });
    expect([reserved.step, reserved.pending]).toEqual(['authorizing', [{ type: 'AuthorizePayment' }]]);
    when(reserved, { type: 'PaymentAuthorized', authorizationId: 'auth-1' });
    expect([reserved.step, reserved.pending]).toEqual(['confirmed', [{ type: 'RecordPaymentAuthorized', authorizationId: 'auth-1' }, { type: 'ConfirmOrder' }]]);

    const failed = when(anOrderProcess().authorizing().build(), { type: 'InventoryReservationFailed' });
    when(failed, { type: 'PaymentAuthorized', authorizationId: 'auth-2' });
    expect(failed.pending).toEqual([
      { type: 'CancelOrder', reason: 'out_of_stock' },
      { type: 'VoidAuthorization', authorizationId: 'auth-2' },
    ]);
  });

  it.each([
    ['screening', anOrderProcess()],
    ['awaiting_fraud_review', anOrderProcess().awaitingFraudReview()],
  ])('given inventory news while %s, then it is refused as impossible', (_, builder) => {
    expect(() => builder.build().handle({ type: 'InventoryReserved' }, at, settings)).toThrow(
      expect.objectContaining({ code: 'unexpected_order_process_input', kind: 'conflict' }),
    );
  });

  it('given a reservation failure after the order was confirmed, then it is refused as contradictory', () => {
    expect(() => anOrderProcess().confirmed().build().handle({ type: 'InventoryReservationFailed' }, at, settings)).toThrow(
      expect.objectContaining({ code: 'unexpected_order_process_input' }),
    );
  });
});

describe('The reservation deadline', () => {
  const builder = anOrderProcess().awaitingInventory('auth-3');
  const authorizedAt = builder.timeOf(2);
  const deadline = new Date(authorizedAt.getTime() + settings.reservationTimeoutMs);

  it('is authorizedAt + the configured timeout', () => {
    expect(builder.build().deadline).toEqual(deadline);
  });

  it('given the clock before the deadline, then nothing happens', () => {
    expect(builder.build().handle({ type: 'DeadlineReached' }, new Date(deadline.getTime() - 1), settings)).toBe(false);
  });

  it('given the clock at the deadline with no answer, then the order is cancelled as timed_out and the authorization voided', () => {
    const process = when(builder.build(), { type: 'DeadlineReached' }, deadline);

    expect([process.step, process.cancellationReason]).toEqual(['cancelling', 'timed_out']);
    expect(process.pending).toEqual([
      { type: 'CancelOrder', reason: 'timed_out' },
      { type: 'VoidAuthorization', authorizationId: 'auth-3' },
    ]);
  });

  it('given an answer in time, then the deadline no longer applies', () => {
    const process = when(builder.build(), { type: 'InventoryReserved' });

    expect(process.deadline).toBeUndefined();
    expect(process.handle({ type: 'DeadlineReached' }, new Date('2026-12-31T00:00:00.000Z'), settings)).toBe(false);
  });

  it('follows the configured timeout', () => {
    const process = anOrderProcess()
      .withSettings({ ...settings, reservationTimeoutMs: 30_000 })
      .awaitingInventory()
      .build();

    expect(process.deadline).toEqual(new Date(authorizedAt.getTime() + 30_000));
  });
});

describe('Dispatch', () => {
  it('given a confirmed order dispatched, then it is completed', () => {
    const process = when(anOrderProcess().confirmed().build(), { type: 'ShipmentDispatched' });

    expect([process.step, process.pending]).toEqual(['completed', [{ type: 'CompleteOrder' }]]);
  });

  it('given dispatch before the reservation news arrived, then the order is confirmed and completed, in that order', () => {
    const process = when(anOrderProcess().awaitingInventory().build(), { type: 'ShipmentDispatched' });

    expect(process.pending).toEqual([{ type: 'ConfirmOrder' }, { type: 'CompleteOrder' }]);
  });

  it('given dispatch replayed, then nothing new is decided', () => {
    expect(anOrderProcess().completed().build().handle({ type: 'ShipmentDispatched' }, at, settings)).toBe(false);
  });

  it('given dispatch of a cancelled order, then it is refused for a person to look at', () => {
    const process = anOrderProcess().awaitingInventory().after({ type: 'BuyerCancelled' }).build();

    expect(() => process.handle({ type: 'ShipmentDispatched' }, at, settings)).toThrow(expect.objectContaining({ code: 'dispatched_after_cancellation', kind: 'conflict' }));
  });
});
