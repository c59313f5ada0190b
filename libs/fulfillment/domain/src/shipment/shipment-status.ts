/**
 * A shipment's lifecycle, in warehouse order: no step can be skipped. `created` and `cancelled`
 * are reachable so far; the other states arrive with the Pick, Pack, Dispatch and Deliver use cases.
 */
export type ShipmentStatus = 'created' | 'picked' | 'packed' | 'dispatched' | 'delivered' | 'cancelled';
