import { NewShipment, Shipment } from '../shipment/shipment';
import { ShipmentLine } from '../shipment/shipment-line';
import { ShipmentStatus } from '../shipment/shipment-status';

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

  get input(): NewShipment {
    return this.props;
  }

  /** A new shipment, as created: it has recorded ShipmentCreated. */
  build(): Shipment {
    return Shipment.create(this.props);
  }

  /** A shipment read back from the store in `status`, recording nothing (states the model cannot reach yet included). */
  stored(status: ShipmentStatus = 'created', version = 1): Shipment {
    return Shipment.restore({ ...this.props, status }, version);
  }
}

export const aShipment = () => new ShipmentBuilder();
