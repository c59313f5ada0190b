// Fulfillment's ports commit together through the shared kernel's unit of work; a consumer's inbox transaction is one.
export { UnitOfWork } from '@bazaar/shared-kernel';
