import { OrderId } from '@bazaar/checkout-domain';

/** What a sweep did: the orders it handled, and those that failed (with why), left for the next sweep. */
export interface SweepResult {
  readonly handled: OrderId[];
  readonly failed: { readonly orderId: OrderId; readonly error: unknown }[];
}

/** One order's failure must not stop the others: each is handled on its own, failures are reported. */
export async function sweep(ids: readonly OrderId[], handle: (id: OrderId) => Promise<void>): Promise<SweepResult> {
  const result: SweepResult = { handled: [], failed: [] };
  for (const orderId of ids) {
    try {
      await handle(orderId);
      result.handled.push(orderId);
    } catch (error) {
      result.failed.push({ orderId, error });
    }
  }
  return result;
}
