import { Brand } from '@bazaar/shared-kernel';

/** A UUID from the IdGenerator port, or one a request carried and the edge has already validated. */
export type OrderId = Brand<string, 'OrderId'>;

export function orderId(value: string): OrderId {
  return value as OrderId;
}
