/* eslint-disable @typescript-eslint/no-explicit-any -- shipment and stock answers are read as JSON; each journey states the shape it expects */
import { randomUUID } from 'node:crypto';
import { eventually } from '@bazaar/platform-testing';
import { http, JsonResponse } from './http';
import { System } from './system';

/** A SKU no other journey uses, so each journey has its own shelf. */
export const aSku = (name = 'SKU') => `${name}-${randomUUID().slice(0, 8)}`;

export interface StockLevel {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** PUT /stock/:sku on Fulfillment, which must succeed: how journeys stock the warehouse. */
export async function stock(system: System, levels: Record<string, number>): Promise<void> {
  for (const [sku, onHand] of Object.entries(levels)) {
    const answer = await http('PUT', `${system.url('fulfillment')}/stock/${encodeURIComponent(sku)}`, { body: { onHand }, token: await system.token('warehouse') });
    expect({ sku, status: answer.status }).toEqual({ sku, status: 200 });
  }
}

export async function stockLevel(system: System, sku: string): Promise<StockLevel> {
  const answer = await http<StockLevel>('GET', `${system.url('fulfillment')}/stock/${encodeURIComponent(sku)}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Waits until Fulfillment shows the order's one shipment in `status`, and answers it. */
export function shipmentOf(system: System, orderId: string, status = 'created'): Promise<any> {
  return eventually(
    async () => {
      const answer = await http('GET', `${system.url('fulfillment')}/shipments?orderId=${orderId}`);
      expect(answer.body.shipments).toEqual([expect.objectContaining({ orderId, status })]);
      return answer.body.shipments[0];
    },
    { timeoutMs: 30_000 },
  );
}

/** Waits until the order's one shipment is released to the warehouse (Fulfillment read Checkout's confirmation), and answers it. */
export function releasedShipmentOf(system: System, orderId: string): Promise<any> {
  return eventually(
    async () => {
      const shipment = await shipmentOf(system, orderId);
      expect(shipment).toMatchObject({ releasedAt: expect.any(String) });
      return shipment;
    },
    { timeoutMs: 30_000 },
  );
}

export type WarehouseStep = 'pick' | 'pack' | 'dispatch' | 'deliver';

/** POST /shipments/:shipmentId/<step> on Fulfillment, as the warehouse screen calls it: as warehouse staff (`e2e-warehouse`). */
export async function step(system: System, shipmentId: string, warehouseStep: WarehouseStep, body?: unknown): Promise<JsonResponse> {
  const token = await system.token('warehouse');
  return http('POST', `${system.url('fulfillment')}/shipments/${shipmentId}/${warehouseStep}`, body === undefined ? { token } : { body, token });
}

/** Takes a shipment through every step up to `last`, each of which must answer 200. */
export async function walk(system: System, shipmentId: string, last: WarehouseStep, parcel = { carrier: 'DHL', trackingNumber: `JD${randomUUID().slice(0, 12)}` }) {
  const steps: WarehouseStep[] = ['pick', 'pack', 'dispatch', 'deliver'];
  for (const next of steps.slice(0, steps.indexOf(last) + 1)) {
    const answer = await step(system, shipmentId, next, next === 'dispatch' ? parcel : undefined);
    expect({ step: next, status: answer.status }).toEqual({ step: next, status: 200 });
  }
  return parcel;
}
