import { AggregateRoot } from '@bazaar/shared-kernel';
import { ShipmentEvent } from './shipment-events';
import { ShipmentLine, shipmentLines } from './shipment-line';
import { ShipmentStatus } from './shipment-status';

/** A shipment's state as persisted and reported; no behaviour. */
export interface ShipmentSnapshot {
  readonly id: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[];
  readonly createdAt: Date;
}

export interface NewShipment {
  readonly id: string;
  readonly orderId: string;
  readonly lines: readonly ShipmentLine[];
  /** From the Clock: the model never reads the time itself. */
  readonly createdAt: Date;
}

/**
 * Fulfillment's "order": a warehouse work package for one Checkout order. Its lines are fixed at
 * creation; it moves Created → Picked → Packed → Dispatched → Delivered.
 */
export class Shipment extends AggregateRoot<ShipmentEvent> {
  private constructor(
    private readonly state: ShipmentSnapshot,
    version: number,
  ) {
    super(version);
  }

  static create(input: NewShipment): Shipment {
    const lines = shipmentLines(input.orderId, input.lines);
    const shipment = new Shipment({ ...input, lines, status: 'created' }, 0);
    shipment.record({ type: 'ShipmentCreated', shipmentId: input.id, orderId: input.orderId, lines, occurredAt: input.createdAt });
    return shipment;
  }

  /** Rebuilds a stored shipment; it records no event. */
  static restore(snapshot: ShipmentSnapshot, version: number): Shipment {
    return new Shipment({ ...snapshot, lines: shipmentLines(snapshot.orderId, snapshot.lines) }, version);
  }

  get id(): string {
    return this.state.id;
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get status(): ShipmentStatus {
    return this.state.status;
  }

  get lines(): readonly ShipmentLine[] {
    return this.state.lines;
  }

  get createdAt(): Date {
    return this.state.createdAt;
  }

  snapshot(): ShipmentSnapshot {
    return this.state;
  }
}
