export * from './support.module';
export * from './support.service';
export * from './support-settings';
export * from './persistence/migrations';
export * from './rebuild/rebuild-case-order-views';
