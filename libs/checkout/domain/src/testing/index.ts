// Test-data builders, kept out of the production entry point: `@bazaar/checkout-domain/testing`.
export * from './order.builder';
export * from './cart.builder';
export * from './order-process.builder';
