// Test-data builders, kept out of the production entry point: `@bazaar/support-domain/testing`.
export * from './order-facts.builder';
export * from './shuffled';
export * from './support-case.builder';
