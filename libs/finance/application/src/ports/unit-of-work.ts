// Finance's ports commit together through the shared kernel's unit of work (an invoice number taken inside is given back on rollback).
export { UnitOfWork } from '@bazaar/shared-kernel';
