export * from './create-shipment/create-shipment.command';
export * from './create-shipment/create-shipment.handler';
export * from './list-shipments-for-order/list-shipments-for-order.query';
export * from './list-shipments-for-order/list-shipments-for-order.handler';
export * from './cancel-shipment/cancel-shipment.command';
export * from './cancel-shipment/cancel-shipment.handler';
