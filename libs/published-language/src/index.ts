export * from './envelope';
export * from './contract';
export * from './primitives';
export * from './topics';
export * from './catalog';
export * from './checkout/cart-checked-out.v1';
export * from './fulfillment/shipment-created.v1';
export * from './finance/revenue-deferred.v1';
