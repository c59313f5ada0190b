export * from './fulfillment.module';
export * from './fulfillment.service';
export * from './persistence/migrations';
export * from './seed/catalogue';
export * from './seed/seed-stock';
