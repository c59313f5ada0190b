export * from './fulfillment.module';
export * from './fulfillment.service';
export * from './persistence/migrations';
