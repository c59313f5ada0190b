export * from './shipment/shipment';
export * from './shipment/shipment-line';
export * from './shipment/shipment-status';
export * from './shipment/shipment-events';
export * from './shipment/shipment-errors';
export * from './shipment/shipments';
