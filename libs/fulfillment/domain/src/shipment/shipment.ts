import { AggregateRoot, assertNever } from '@bazaar/shared-kernel';
import { Stamp } from '../stamp';
import {
  DispatchDetailsInvalid,
  ShipmentAlreadyCancelled,
  ShipmentAlreadyDispatched,
  ShipmentIsCancelled,
  ShipmentNotReleased,
  ShipmentStepAlreadyDone,
  ShipmentStepSkipped,
} from './shipment-errors';
import { ShipmentEvent } from './shipment-events';
import { ShipmentLine, shipmentLines } from './shipment-line';
import { shipmentLifecycle, ShipmentStatus, ShipmentStep } from './shipment-status';

/** The carrier a parcel left with and the number it tracks it by. */
export interface Parcel {
  readonly carrier: string;
  readonly trackingNumber: string;
}

/** A shipment's state as persisted and reported; no behaviour. Each step is null until taken. */
export interface ShipmentSnapshot {
  readonly id: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[];
  readonly createdAt: Date;
  /** When Checkout's confirmation of the order released it to the warehouse; null until then (it cannot be picked). */
  readonly releasedAt: Date | null;
  readonly picked: Stamp | null;
  readonly packed: Stamp | null;
  readonly dispatched: (Stamp & Parcel) | null;
  readonly delivered: Stamp | null;
  readonly cancelledAt: Date | null;
}

export interface NewShipment {
  readonly id: string;
  readonly orderId: string;
  readonly lines: readonly ShipmentLine[];
  /** From the Clock: the model never reads the time itself. */
  readonly createdAt: Date;
}

const notStarted = { releasedAt: null, picked: null, packed: null, dispatched: null, delivered: null, cancelledAt: null } as const;

/**
 * Fulfillment's "order": a warehouse work package for one Checkout order, created once its stock
 * is reserved and released to the warehouse once Checkout has confirmed the order. Its lines are
 * fixed at creation; it moves Created → Picked → Packed → Dispatched → Delivered, one step at a time
 * and each step once, and can be cancelled until it is dispatched.
 *
 * Why the release: Checkout alone decides whether an order goes ahead (confirmed) or not (timed out,
 * cancelled). Were the warehouse allowed to start as soon as the stock is held, a reservation that
 * reached Checkout after its deadline would leave an order both timed out and dispatched.
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
    const shipment = new Shipment({ ...input, lines, status: 'created', ...notStarted }, 0);
    shipment.record({ type: 'ShipmentCreated', shipmentId: input.id, orderId: input.orderId, lines, occurredAt: input.createdAt });
    return shipment;
  }

  /** Rebuilds a stored shipment; it records no event. */
  static restore(snapshot: ShipmentSnapshot, version: number): Shipment {
    return new Shipment({ ...snapshot, lines: shipmentLines(snapshot.orderId, snapshot.lines) }, version);
  }

  /**
   * Checkout confirmed the order: the warehouse may start on it. Confirming again changes nothing
   * (answers false); a cancelled shipment stays cancelled (`shipment_cancelled`): Checkout never
   * confirms an order it has cancelled, so that news is parked for a person.
   */
  release(at: Date): boolean {
    if (this.state.status === 'cancelled') throw new ShipmentIsCancelled(this.id, 'released');
    if (this.state.releasedAt) return false;
    this.state = { ...this.state, releasedAt: at };
    this.record({ type: 'ShipmentReleased', shipmentId: this.id, orderId: this.orderId, occurredAt: at });
    return true;
  }

  /** Every line's units were taken from the shelves; only once the shipment is released (`order_not_confirmed`). */
  pick(by: Stamp): void {
    this.stepTo('picked');
    if (!this.state.releasedAt) throw new ShipmentNotReleased(this.id, this.orderId);
    this.state = { ...this.state, status: 'picked', picked: by };
    this.record({ type: 'ShipmentPicked', ...this.about(by) });
  }

  pack(by: Stamp): void {
    this.stepTo('packed');
    this.state = { ...this.state, status: 'packed', packed: by };
    this.record({ type: 'ShipmentPacked', ...this.about(by) });
  }

  /** The parcel leaves with a carrier, under a tracking number; from now on it cannot be cancelled. */
  dispatch(parcel: Parcel, by: Stamp): void {
    const carrier = parcel.carrier.trim();
    const trackingNumber = parcel.trackingNumber.trim();
    if (carrier === '' || trackingNumber === '') throw new DispatchDetailsInvalid(this.id);
    this.stepTo('dispatched');
    this.state = { ...this.state, status: 'dispatched', dispatched: { ...by, carrier, trackingNumber } };
    this.record({ type: 'ShipmentDispatched', ...this.about(by), carrier, trackingNumber });
  }

  deliver(by: Stamp): void {
    this.stepTo('delivered');
    this.state = { ...this.state, status: 'delivered', delivered: by };
    this.record({ type: 'ShipmentDelivered', ...this.about(by) });
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
        this.state = { ...this.state, status: 'cancelled', cancelledAt: at };
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

  get isReleased(): boolean {
    return this.state.releasedAt !== null;
  }

  snapshot(): ShipmentSnapshot {
    return this.state;
  }

  /** The lifecycle's rule: the next step, and only the next step. */
  private stepTo(step: ShipmentStep): void {
    const { status } = this.state;
    if (status === 'cancelled') throw new ShipmentIsCancelled(this.id, step);
    const current = shipmentLifecycle.indexOf(status);
    const target = shipmentLifecycle.indexOf(step);
    if (target <= current) throw new ShipmentStepAlreadyDone(this.id, step, status);
    const next = shipmentLifecycle[current + 1];
    if (target > current + 1 && next) throw new ShipmentStepSkipped(this.id, step, status, next);
  }

  private about(by: Stamp) {
    return { shipmentId: this.id, orderId: this.orderId, occurredAt: by.at, by: by.by };
  }
}
