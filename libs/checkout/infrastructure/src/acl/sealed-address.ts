import { ShippingAddress } from '@bazaar/checkout-domain';
import { dataKeyId, KeyRing, openWith, sealWith } from '@bazaar/platform-service';
import { addressSchema, BuyerDataKeyV1, sealedAddressPurpose, sealedAddressSchema } from '@bazaar/published-language';
import { z } from 'zod';

type SealedAddress = z.output<typeof sealedAddressSchema>;
type PublishedAddress = z.output<typeof addressSchema>;

/**
 * What Checkout publishes of a buyer's personal data: their address sealed with their data key
 * (never in plaintext), and the key itself wrapped by the KEK it shares with its readers
 * (PERSONAL_DATA_SHARING_KEKS), for `checkout.buyer-keys`.
 */
export class PublishedPersonalData {
  readonly keyId: string;

  constructor(
    readonly buyerId: string,
    private readonly dataKey: Buffer,
    private readonly sharing: KeyRing,
  ) {
    this.keyId = dataKeyId(dataKey);
  }

  /** The address sealed for this buyer's order (`shipping-address:<buyer>:<order>`); the plaintext is the JSON of the published address. */
  sealedAddress(orderId: string, address: ShippingAddress): SealedAddress {
    return {
      algorithm: 'AES-256-GCM',
      keyId: this.keyId,
      ciphertext: sealWith(this.dataKey, JSON.stringify(publishedAddress(address)), sealedAddressPurpose(this.buyerId, orderId)),
    };
  }

  /** The buyer's data key as `checkout.buyer-data-key.v1` carries it. */
  sharedKey(): BuyerDataKeyV1 {
    return { buyerId: this.buyerId, keyId: this.keyId, wrappedKey: this.sharing.wrap(this.dataKey, this.buyerId) };
  }
}

/** Field by field, so that nothing else of the domain's address rides along. */
export function publishedAddress({ name, line1, line2, city, postalCode, country }: ShippingAddress): PublishedAddress {
  return { name, line1, ...(line2 === undefined ? {} : { line2 }), city, postalCode, country };
}

/** Opens a published sealed address with the data key it names (tests, tooling); throws when the key or purpose is not its own. */
export function openPublishedAddress(dataKey: Buffer, buyerId: string, orderId: string, sealed: SealedAddress): PublishedAddress {
  return addressSchema.parse(JSON.parse(openWith(dataKey, sealed.ciphertext, sealedAddressPurpose(buyerId, orderId))));
}
