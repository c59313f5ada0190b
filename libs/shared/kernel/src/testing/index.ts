// Fakes of the kernel's ports for tests, kept out of the production entry point: `@bazaar/shared-kernel/testing`.
export * from './fixed-clock';
export * from './sequential-ids';
export * from './in-memory-unit-of-work';
