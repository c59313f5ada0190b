/**
 * A shipment's lifecycle, in warehouse order: Created → Picked → Packed → Dispatched → Delivered,
 * no step skipped or done twice. `cancelled` ends it before dispatch (the order was cancelled).
 */
export const shipmentLifecycle = ['created', 'picked', 'packed', 'dispatched', 'delivered'] as const;
export type ShipmentStep = Exclude<(typeof shipmentLifecycle)[number], 'created'>;
export type ShipmentStatus = (typeof shipmentLifecycle)[number] | 'cancelled';
