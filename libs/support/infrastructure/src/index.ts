export * from './support.module';
export * from './support.service';
export * from './persistence/migrations';
export * from './rebuild/rebuild-case-order-views';
