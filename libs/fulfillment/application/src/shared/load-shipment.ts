import { Shipment, ShipmentNotFound, Shipments } from '@bazaar/fulfillment-domain';

/** The shipment with this id, or ShipmentNotFound (404). */
export async function loadShipment(shipments: Shipments, shipmentId: string): Promise<Shipment> {
  const shipment = await shipments.withId(shipmentId);
  if (!shipment) throw new ShipmentNotFound(shipmentId);
  return shipment;
}
