export * from './support.module';
export * from './support.service';
export * from './support-settings';
export * from './persistence/migrations/support-migrations';
export * from './rebuild/rebuild-case-order-views';
