import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually, TopicTap, withKey } from '@bazaar/platform-testing';
import { EventContract, EventEnvelope, EventHeaders } from '@bazaar/published-language';

/** What Checkout's integration specs send and read, in one place (test-only: nothing in production imports it). */
export const anOrderRequest = (overrides: Record<string, unknown> = {}) => ({
  buyerId: 'buyer-42',
  lines: [
    { sku: 'MUG-BLUE', quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' } },
    { sku: 'TEA-EARL', quantity: 1, unitPrice: { amount: 899, currency: 'EUR' } },
  ],
  paymentToken: 'tok_ok',
  shippingAddress: { name: 'Ada Lovelace', line1: "12 St James's Square", city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
  ...overrides,
});

/** An order over 10,000.00: screening sends it to review. */
export const aLargeOrderRequest = (overrides: Record<string, unknown> = {}) =>
  anOrderRequest({ lines: [{ sku: 'RING', quantity: 1, unitPrice: { amount: 1_000_000, currency: 'EUR' } }], ...overrides });

export async function placeOrder(checkout: ServiceUnderTest, body: unknown = anOrderRequest()): Promise<string> {
  const placed = await checkout.post('/orders', body);
  expect(placed.status).toBe(201);
  return String(placed.body['orderId']);
}

export type OrderJson = Record<string, unknown> & {
  status: string;
  cancellationReason?: string;
  process?: { step: string; pending: string[]; attempts: number; deadline?: string };
};

export async function orderOf(checkout: ServiceUnderTest, orderId: string): Promise<OrderJson> {
  const answer = await checkout.get<OrderJson>(`/orders/${orderId}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Waits until the order shows `status` (and, if given, its process `step` with nothing left pending). */
export function orderReaches(checkout: ServiceUnderTest, orderId: string, status: string, step?: string): Promise<OrderJson> {
  return eventually(async () => {
    const order = await orderOf(checkout, orderId);
    expect(order.status).toBe(status);
    if (step) expect(order.process).toMatchObject({ step, pending: [] });
    return order;
  });
}

/** The event types published about an order so far, in order (`checkout.payment-authorized.v2`, …). */
export function publishedAbout(tap: TopicTap, orderId: string): string[] {
  return tap.matching(withKey(orderId)).map((message) => message.headers[EventHeaders.type] ?? '?');
}

/** Waits for the message of `contract` about the order, and answers it parsed. */
export async function publishedEvent<T>(tap: TopicTap, orderId: string, contract: EventContract<T>): Promise<EventEnvelope<T>> {
  const [message] = await tap.waitFor((m) => m.key === orderId && m.headers[EventHeaders.type] === contract.wireType);
  return contract.parse(message?.body);
}
