import { AddressOpener, ShippingAddress } from '@bazaar/support-domain';
import { BuyerDataKeys } from '../ports/buyer-data-keys';

/** Buyers' keys in memory: a held key "opens" the sealed addresses registered with it (no cryptography: the adapter's own tests do that). */
export class InMemoryBuyerDataKeys extends BuyerDataKeys {
  readonly #keys = new Map<string, { keyId: string; addresses: ReadonlyMap<string, ShippingAddress> }>();

  hold(buyerId: string, keyId: string, addresses: Record<string, ShippingAddress>): void {
    this.#keys.set(buyerId, { keyId, addresses: new Map(Object.entries(addresses)) });
  }

  forget(buyerId: string): void {
    this.#keys.delete(buyerId);
  }

  async openerFor(buyerId: string): Promise<AddressOpener> {
    const key = this.#keys.get(buyerId);
    return (owner, _orderId, sealed) => (key && owner === buyerId && key.keyId === sealed.keyId ? key.addresses.get(sealed.ciphertext) : undefined);
  }
}
