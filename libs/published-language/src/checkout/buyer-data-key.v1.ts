import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { Topics } from '../topics';

/**
 * `checkout.buyer-data-key.v1` — a buyer's data key, the one that seals their address in
 * `checkout.cart-checked-out.v2` and `checkout.payment-authorized.v2`, wrapped by a key-encryption
 * key Checkout shares with its readers (PERSONAL_DATA_SHARING_KEKS). Key: the buyer id, on the
 * compacted `checkout.buyer-keys`. Producer: Checkout, with every order the buyer places (so a
 * reader that missed one, or a rotated sharing KEK, catches up with the next).
 *
 * When Checkout erases the buyer it publishes a **tombstone** (same key, no value, this type in
 * the header): a reader deletes the key it holds, and compaction removes every earlier copy from
 * the topic. Without the key nothing sealed with it opens again.
 */
export const BuyerDataKeyV1 = defineEvent({
  type: 'checkout.buyer-data-key',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutBuyerKeys,
  schema: z.object({
    buyerId: z.string().min(1),
    /** The data key's id, as sealed addresses name it (a fingerprint of the key; it reveals nothing of it). */
    keyId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    /**
     * `<kekId>.<iv>.<ciphertext>.<tag>` (base64url parts): the 256-bit data key, AES-256-GCM-wrapped
     * by the sharing KEK `kekId`, bound to `data-key:<buyerId>`.
     */
    wrappedKey: z.string().regex(/^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/),
  }),
});
export type BuyerDataKeyV1 = EventData<typeof BuyerDataKeyV1>;
