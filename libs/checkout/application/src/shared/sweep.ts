import { OrderId } from '@bazaar/checkout-domain';

/** What a sweep did: the orders it handled, and those that failed (with why), left for the next sweep. */
export interface SweepResult {
  readonly handled: OrderId[];
  readonly failed: { readonly orderId: OrderId; readonly error: unknown }[];
}

/**
 * One order's failure must not stop the others: each is handled on its own, failures are reported.
 * Up to `concurrency` orders are handled at once, taken in the order given (default one at a time).
 */
export async function sweep(ids: readonly OrderId[], handle: (id: OrderId) => Promise<void>, concurrency = 1): Promise<SweepResult> {
  const result: SweepResult = { handled: [], failed: [] };
  let next = 0;
  const worker = async () => {
    for (let orderId = ids[next++]; orderId !== undefined; orderId = ids[next++]) {
      try {
        await handle(orderId);
        result.handled.push(orderId);
      } catch (error) {
        result.failed.push({ orderId, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, worker));
  return result;
}
