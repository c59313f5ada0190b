export * from './support.module';
export * from './support.service';
export * from './persistence/migrations/support-migrations';
export * from './rebuild/rebuild-case-order-views';
