import { NewShipment, Shipment } from '../shipment/shipment';
import { ShipmentLine } from '../shipment/shipment-line';

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

  build(): Shipment {
    return Shipment.create(this.props);
  }
}

export const aShipment = () => new ShipmentBuilder();
