// Test harnesses, kept out of the production entry point: `@bazaar/platform-service/testing`.
export * from './service-under-test';
export * from './http';
export * from './test-config';
export * from './refusals';
export * from './migrated-test-database';
export * from './metrics';
export * from './runtime-role';
export * from './routes';
export * from './access-matrix';
