import { KeyRing, processSharingKeyRing } from '@bazaar/platform-service';

/** Support's own settings, beyond the platform's; the app reads them from its environment (apps/support/src/config.ts). */
export interface SupportSettings {
  /** The key-encryption keys Checkout wraps the buyers' data keys with on `checkout.buyer-keys` (PERSONAL_DATA_SHARING_KEKS). */
  readonly personalDataSharingKeys: KeyRing;
}

export const defaultSupportSettings: SupportSettings = {
  /** The process's random sharing KEK: a Checkout started in the same process (a test) shares keys Support opens. */
  personalDataSharingKeys: processSharingKeyRing(),
};
