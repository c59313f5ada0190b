/**
 * Valid, unique express-checkout requests: a distinct buyer (so Checkout's buyer-velocity fraud rule
 * never counts) and Idempotency-Key per order, small totals (never a manual fraud review), `tok_ok`.
 */

/** Every SKU the benchmark orders; the system stocks each before the first step (see stockWarehouse). */
export const SKUS = ['MUG-BLUE', 'MUG-RED', 'TEA-EARL', 'TEA-GREEN', 'PEN-BLACK', 'BOOK-DDD', 'LAMP-DESK', 'SOCK-WOOL'];
const ADDRESS = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

/**
 * The n-th order of a run: two lines (different SKUs) priced in EUR, like the README's example.
 * @param {string} prefix unique per load run, e.g. `b1a2c3-s4`
 * @param {number} n
 * @returns {{ key: string, body: string, buyerId: string }}
 */
export function orderRequest(prefix, n) {
  const first = SKUS[n % SKUS.length];
  const second = SKUS[(n + 3) % SKUS.length];
  const body = {
    buyerId: `buyer-${prefix}-${n}`,
    lines: [
      { sku: first, quantity: 1 + (n % 3), unitPrice: { amount: 1250, currency: 'EUR' } },
      { sku: second, quantity: 1, unitPrice: { amount: 899, currency: 'EUR' } },
    ],
    paymentToken: 'tok_ok',
    shippingAddress: ADDRESS,
  };
  return { key: `${prefix}-${n}`, body: JSON.stringify(body), buyerId: body.buyerId };
}
