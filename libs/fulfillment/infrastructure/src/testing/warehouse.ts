import { randomUUID } from 'node:crypto';
import { HttpAnswer, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage } from '@bazaar/platform-testing';
import { EventEnvelope, OrderConfirmedV1, PaymentAuthorizedV2, Topics } from '@bazaar/published-language';

/** A SKU no other test uses, so each test has its own shelf. */
export const aSku = (name = 'SKU') => `${name}-${randomUUID().slice(0, 8)}`;

/** Checkout's payment-authorized for an order of these units per SKU (priced at 1.00 EUR each). */
export function aPaidOrder(units: Record<string, number>, orderId: string = randomUUID()): EventEnvelope<PaymentAuthorizedV2> {
  const lines = Object.entries(units).map(([sku, quantity]) => ({
    sku,
    quantity,
    unitPrice: { amount: 100, currency: 'EUR' },
    lineTotal: { amount: 100 * quantity, currency: 'EUR' },
  }));
  const total = { amount: lines.reduce((sum, line) => sum + line.lineTotal.amount, 0), currency: 'EUR' };
  return anEvent(PaymentAuthorizedV2, { data: { orderId, lines, total, amount: total } });
}

/** Checkout's order-confirmed for an order: what releases its shipment to the warehouse. */
export function anOrderConfirmation(orderId: string): EventEnvelope<OrderConfirmedV1> {
  return anEvent(OrderConfirmedV1, { data: { orderId } });
}

export interface StockLevelJson {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface ShipmentJson {
  shipmentId: string;
  orderId: string;
  status: string;
  lines: { sku: string; quantity: number }[];
  releasedAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  [step: string]: unknown;
}

/** Who records the warehouse's steps in these tests: the subject every step and count is stamped with. */
export const warehouseWorker = { role: 'warehouse', subject: 'warehouse-7' } as const;

export type WarehouseStep = 'pick' | 'pack' | 'dispatch' | 'deliver';

/** Fulfillment's routes, as the warehouse screen calls them. */
export class Warehouse {
  constructor(private readonly fulfillment: ServiceUnderTest) {}

  /** PUT /stock/:sku. */
  count(sku: string, body: unknown): Promise<HttpAnswer<Record<string, unknown>>> {
    return this.send('PUT', `/stock/${encodeURIComponent(sku)}`, body);
  }

  /** Stocks a SKU, which must succeed. */
  async stock(sku: string, onHand: number): Promise<void> {
    const answer = await this.count(sku, { onHand });
    expect(answer.status).toBe(200);
  }

  async level(sku: string): Promise<StockLevelJson> {
    const answer = await this.fulfillment.get<StockLevelJson>(`/stock/${encodeURIComponent(sku)}`);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  async shipmentsOf(orderId: string): Promise<ShipmentJson[]> {
    const answer = await this.fulfillment.get<{ shipments: ShipmentJson[] }>(`/shipments?orderId=${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body.shipments;
  }

  /** Waits until the order has exactly one shipment, in `status` (and, when asked, released to the warehouse). */
  oneShipmentOf(orderId: string, status = 'created', released?: 'released'): Promise<ShipmentJson> {
    const release = released ? { releasedAt: expect.any(String) } : {};
    return eventually(async () => {
      const [shipment, ...others] = await this.shipmentsOf(orderId);
      expect({ shipment, others }).toEqual({ shipment: expect.objectContaining({ status, ...release }), others: [] });
      return shipment as ShipmentJson;
    });
  }

  /** Checkout's news of a paid order, then of its confirmation: answers its shipment once it is released to the warehouse. */
  async releasedShipmentFor(paid: EventEnvelope<PaymentAuthorizedV2>): Promise<ShipmentJson> {
    await this.fulfillment.send(Topics.checkoutOrders, kafkaMessage(paid));
    await this.oneShipmentOf(paid.data.orderId);
    await this.fulfillment.send(Topics.checkoutOrders, kafkaMessage(anOrderConfirmation(paid.data.orderId)));
    return this.oneShipmentOf(paid.data.orderId, 'created', 'released');
  }

  /** POST /shipments/:shipmentId/<step>; only dispatch takes a body. */
  step(shipmentId: string, step: WarehouseStep, body?: unknown): Promise<HttpAnswer<Record<string, unknown>>> {
    return this.send('POST', `/shipments/${shipmentId}/${step}`, body);
  }

  /** Takes the shipment through every step up to `last`, each of which must succeed. */
  async walk(shipmentId: string, last: WarehouseStep, parcel = { carrier: 'DHL', trackingNumber: `JD${randomUUID().slice(0, 12)}` }): Promise<void> {
    const steps: WarehouseStep[] = ['pick', 'pack', 'dispatch', 'deliver'];
    for (const step of steps.slice(0, steps.indexOf(last) + 1)) {
      const answer = await this.step(shipmentId, step, step === 'dispatch' ? parcel : undefined);
      expect({ step, status: answer.status }).toEqual({ step, status: 200 });
    }
  }

  private send(method: string, path: string, body: unknown): Promise<HttpAnswer<Record<string, unknown>>> {
    return this.fulfillment.call(method, path, { body, as: warehouseWorker });
  }
}
