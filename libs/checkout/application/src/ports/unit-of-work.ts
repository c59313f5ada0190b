// Checkout's ports commit together through the shared kernel's unit of work.
export { UnitOfWork } from '@bazaar/shared-kernel';
