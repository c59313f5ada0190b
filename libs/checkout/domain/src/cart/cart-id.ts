import { Brand } from '@bazaar/shared-kernel';

/** A UUID from the IdGenerator port, or one a request carried and the edge has already validated. */
export type CartId = Brand<string, 'CartId'>;

export function cartId(value: string): CartId {
  return value as CartId;
}
