import { CreateShipments1763800000000 } from './1763800000000-create-shipments';
import { StockReservationsAndSteps1764000000000 } from './1764000000000-stock-reservations-and-steps';
import { ShipmentRelease1765000000000 } from './1765000000000-shipment-release';

/** Fulfillment's schema, in order; the platform runs its messaging tables first. */
export const fulfillmentMigrations = [CreateShipments1763800000000, StockReservationsAndSteps1764000000000, ShipmentRelease1765000000000];
