// The in-memory unit of work and what it rolls back live in the shared kernel's testing entry point.
export { InMemoryUnitOfWork, type Transactional } from '@bazaar/shared-kernel/testing';
