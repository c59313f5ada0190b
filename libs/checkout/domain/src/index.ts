export * from './order/order';
export * from './order/order-id';
export * from './order/order-line';
export * from './order/order-status';
export * from './order/order-events';
export * from './order/order-errors';
export * from './order/shipping-address';
export * from './order/orders';
