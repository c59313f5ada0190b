import { NewShipment, Shipment, ShipmentSnapshot } from '../shipment/shipment';
import { ShipmentLine } from '../shipment/shipment-line';
import { ShipmentStatus } from '../shipment/shipment-status';

const by = (at: string) => ({ at: new Date(at), by: 'warehouse-7' });

/** The steps a stored shipment in `status` has been through, each a minute apart. */
function progressOf(status: ShipmentStatus, released: boolean): Pick<ShipmentSnapshot, 'releasedAt' | 'picked' | 'packed' | 'dispatched' | 'delivered' | 'cancelledAt'> {
  const reached = (step: ShipmentStatus) => ['picked', 'packed', 'dispatched', 'delivered'].indexOf(step) <= ['picked', 'packed', 'dispatched', 'delivered'].indexOf(status);
  return {
    releasedAt: released ? new Date('2026-11-21T09:59:00.000Z') : null,
    picked: reached('picked') ? by('2026-11-21T10:00:00.000Z') : null,
    packed: reached('packed') ? by('2026-11-21T10:01:00.000Z') : null,
    dispatched: reached('dispatched') ? { ...by('2026-11-21T10:02:00.000Z'), carrier: 'DHL', trackingNumber: 'JD014600006281234567' } : null,
    delivered: reached('delivered') ? by('2026-11-21T10:03:00.000Z') : null,
    cancelledAt: status === 'cancelled' ? new Date('2026-11-21T10:04:00.000Z') : null,
  };
}

/** Test data for shipments: sensible defaults, override only what a test is about. */
export class ShipmentBuilder {
  private props: NewShipment = {
    id: 'c0ffee00-1234-4abc-8def-0123456789ab',
    orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
    lines: [
      { sku: 'MUG-BLUE', quantity: 2 },
      { sku: 'TEA-EARL', quantity: 1 },
    ],
    createdAt: new Date('2026-11-21T09:30:00.120Z'),
  };
  private released = true;

  withId(id: string): this {
    this.props = { ...this.props, id };
    return this;
  }

  forOrder(orderId: string): this {
    this.props = { ...this.props, orderId };
    return this;
  }

  withLines(...lines: ShipmentLine[]): this {
    this.props = { ...this.props, lines };
    return this;
  }

  createdAt(createdAt: Date): this {
    this.props = { ...this.props, createdAt };
    return this;
  }

  /** A stored shipment whose order Checkout has not confirmed yet: the warehouse cannot start on it. */
  awaitingRelease(): this {
    this.released = false;
    return this;
  }

  get input(): NewShipment {
    return this.props;
  }

  /** A new shipment, as created: it has recorded ShipmentCreated. */
  build(): Shipment {
    return Shipment.create(this.props);
  }

  /** A shipment read back from the store in `status`, with the steps that status implies (released, unless `awaitingRelease()`), recording nothing. */
  stored(status: ShipmentStatus = 'created', version = 1): Shipment {
    return Shipment.restore({ ...this.props, status, ...progressOf(status, this.released) }, version);
  }
}

export const aShipment = () => new ShipmentBuilder();
