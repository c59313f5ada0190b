// Test-data builders, kept out of the production entry point: `@bazaar/finance-domain/testing`.
export * from './revenue-event.builder';
export * from './sale.builder';
export * from './invoice.builder';
