export * from './checkout.module';
export * from './checkout.service';
export * from './checkout-settings';
export * from './payment/sandbox-payment-gateway';
export * from './persistence/migrations';
export * from './history/reseal-order-history';
export * from './persistence/buyer-data-keys';
