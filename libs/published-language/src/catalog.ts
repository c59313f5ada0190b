import { CartCheckedOutV1 } from './checkout/cart-checked-out.v1';
import { EventContract } from './contract';
import { RevenueDeferredV1 } from './finance/revenue-deferred.v1';
import { ShipmentCreatedV1 } from './fulfillment/shipment-created.v1';

/** Every published contract, for tooling (schema checks, docs, topic subscriptions). */
export const allContracts: readonly EventContract<unknown>[] = [CartCheckedOutV1, ShipmentCreatedV1, RevenueDeferredV1];

/** The topic a wire type (`type.vN`) is published on. */
export function topicOf(wireType: string): string {
  const contract = allContracts.find((c) => c.wireType === wireType);
  if (!contract) throw new Error(`No published contract named ${wireType}`);
  return contract.topic;
}
