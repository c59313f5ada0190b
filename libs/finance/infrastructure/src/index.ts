export * from './finance.module';
export * from './finance.service';
export * from './persistence/migrations';
export * from './finance-settings';
