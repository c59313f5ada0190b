import { OrderProcess } from '@bazaar/checkout-domain';

/**
 * The process as a save left it in the repository: the same state at the next version (every save
 * of an aggregate adds one). Going on with it saves reading back what was just written.
 */
export function asSaved(process: OrderProcess): OrderProcess {
  return OrderProcess.restore(process.toState(), process.version + 1);
}
