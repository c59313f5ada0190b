export * from './ports/unit-of-work';
export * from './idempotency/idempotency-keys';
export * from './idempotency/idempotency-key-reused';
export * from './place-order/place-order.command';
export * from './place-order/place-order.handler';
export * from './get-order/get-order.query';
export * from './get-order/get-order.handler';
export * from './get-order/order-details';
