import { AggregateRoot, assertNever } from '@bazaar/shared-kernel';
import { ShipmentAlreadyCancelled, ShipmentAlreadyDispatched } from './shipment-errors';
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
 * creation; it moves Created → Picked → Packed → Dispatched → Delivered, and can be cancelled
 * until it is dispatched.
 */
export class Shipment extends AggregateRoot<ShipmentEvent> {
  private constructor(
    private state: ShipmentSnapshot,
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

  /**
   * Drops the work package: allowed while it is still in the warehouse (created, picked or
   * packed), refused once dispatched or delivered, and refused when already cancelled.
   */
  cancel(at: Date): void {
    const { status } = this.state;
    switch (status) {
      case 'created':
      case 'picked':
      case 'packed':
        this.state = { ...this.state, status: 'cancelled' };
        this.record({ type: 'ShipmentCancelled', shipmentId: this.id, orderId: this.orderId, occurredAt: at });
        return;
      case 'dispatched':
      case 'delivered':
        throw new ShipmentAlreadyDispatched(this.id, status);
      case 'cancelled':
        throw new ShipmentAlreadyCancelled(this.id);
      default:
        return assertNever(status);
    }
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
