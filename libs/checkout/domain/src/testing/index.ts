// Test-data builders, kept out of the production entry point: `@bazaar/checkout-domain/testing`.
export * from './order.builder';
