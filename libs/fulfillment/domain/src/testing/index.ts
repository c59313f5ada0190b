// Test-data builders, kept out of the production entry point: `@bazaar/fulfillment-domain/testing`.
export * from './shipment.builder';
