export * from './checkout.module';
export * from './checkout.service';
export * from './persistence/migrations';
