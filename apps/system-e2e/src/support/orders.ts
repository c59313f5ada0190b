import { randomUUID } from 'node:crypto';

/** A valid express-checkout request; override what a journey is about. */
export function anOrderRequest(overrides: Record<string, unknown> = {}) {
  return {
    buyerId: `buyer-${randomUUID()}`,
    lines: [
      { sku: 'MUG-BLUE', quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' } },
      { sku: 'TEA-EARL', quantity: 1, unitPrice: { amount: 899, currency: 'EUR' } },
    ],
    paymentToken: 'tok_ok',
    shippingAddress: { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    ...overrides,
  };
}

export function lines(count: number) {
  return Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1, unitPrice: { amount: 100, currency: 'EUR' } }));
}

/** The order lines for these units per SKU, priced at 12.50 EUR each. */
export function linesOf(units: Record<string, number>) {
  return Object.entries(units).map(([sku, quantity]) => ({ sku, quantity, unitPrice: { amount: 1250, currency: 'EUR' } }));
}

/** Enough of the SKUs `anOrderRequest()` orders for every journey of a system. */
export const plentyOfStock = { 'MUG-BLUE': 10_000, 'TEA-EARL': 10_000 };
