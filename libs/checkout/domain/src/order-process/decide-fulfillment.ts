import { assertNever } from '@bazaar/shared-kernel';
import { cancelWith, Decision, moveTo, nothingNew } from './decision';
import { DispatchedAfterCancellation, UnexpectedProcessInput } from './order-process-errors';
import { OrderProcessState } from './order-process-state';

/**
 * Fulfillment reserved the stock. A reservation after the process gave up changes nothing here:
 * Fulfillment releases it when it hears that the order was cancelled.
 */
export function decideOnReserved(process: OrderProcessState, at: Date): Decision {
  switch (process.step) {
    case 'awaiting_inventory':
      return moveTo(process, at, 'confirmed', { pending: [...process.pending, { type: 'ConfirmOrder' }] });
    case 'authorizing':
      return process.inventory ? nothingNew : { ...process, inventory: 'reserved' };
    case 'confirmed':
    case 'completed':
    case 'cancelling':
    case 'cancelled':
      return nothingNew;
    case 'screening':
    case 'awaiting_fraud_review':
      throw new UnexpectedProcessInput(process.orderId, process.step, 'InventoryReserved');
    default:
      return assertNever(process.step);
  }
}

/** No stock: cancel the order (`out_of_stock`) and void its authorization. */
export function decideOnReservationFailed(process: OrderProcessState, at: Date): Decision {
  switch (process.step) {
    case 'awaiting_inventory':
      return cancelWith(process, at, 'out_of_stock');
    case 'authorizing':
      return process.inventory ? nothingNew : { ...process, inventory: 'failed' };
    case 'cancelling':
    case 'cancelled':
      return nothingNew;
    case 'screening':
    case 'awaiting_fraud_review':
    case 'confirmed':
    case 'completed':
      throw new UnexpectedProcessInput(process.orderId, process.step, 'InventoryReservationFailed');
    default:
      return assertNever(process.step);
  }
}

/** Fulfillment did not answer in time: cancel (`timed_out`) and void. Before the deadline, or once answered, nothing. */
export function decideOnDeadline(process: OrderProcessState, at: Date): Decision {
  const deadline = process.reservationDeadline;
  if (process.step !== 'awaiting_inventory' || deadline === undefined || at < deadline) return nothingNew;
  return cancelWith(process, at, 'timed_out');
}

/** The parcel left: the order is completed. Dispatch implies the reservation, should that news still be on its way. */
export function decideOnDispatch(process: OrderProcessState, at: Date): Decision {
  switch (process.step) {
    case 'confirmed':
      return moveTo(process, at, 'completed', { pending: [...process.pending, { type: 'CompleteOrder' }] });
    case 'awaiting_inventory':
      return moveTo(process, at, 'completed', { pending: [...process.pending, { type: 'ConfirmOrder' }, { type: 'CompleteOrder' }] });
    case 'completed':
      return nothingNew;
    case 'cancelling':
    case 'cancelled':
      throw new DispatchedAfterCancellation(process.orderId);
    case 'screening':
    case 'awaiting_fraud_review':
    case 'authorizing':
      throw new UnexpectedProcessInput(process.orderId, process.step, 'ShipmentDispatched');
    default:
      return assertNever(process.step);
  }
}
