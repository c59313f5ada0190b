import { personalDataSharingKeksSetting, serviceConfigSchema, sharingKeyRingOf } from '@bazaar/platform-service';
import type { SupportSettings } from '@bazaar/support-infrastructure';
import { z } from 'zod';

/**
 * Support's settings: the platform's (the topics it reads are the published ones, under
 * KAFKA_TOPIC_PREFIX), with one default of its own. An order's facts arrive on several topics (five,
 * of six partitions each), and every fact is a small write to the same kind of row, so Support
 * takes many partitions at once: their runs are projected together, one transaction at a time
 * (the transport's group commit), instead of each partition waiting for its turn to commit.
 */
export const supportConfigSchema = serviceConfigSchema({ name: 'support', port: 3004, partitionsConcurrency: 16 }).extend({
  /**
   * The key-encryption keys Checkout shares with Support, `id:base64key,…` oldest first: they unwrap
   * the buyers' data keys from `checkout.buyer-keys`, which open the sealed addresses. Required in
   * production; elsewhere, unset, one random key for this process only (no address then opens).
   */
  PERSONAL_DATA_SHARING_KEKS: personalDataSharingKeksSetting,
  NODE_ENV: z.string().optional(),
});

export type SupportConfig = z.output<typeof supportConfigSchema>;

/** Serving in production needs the KEKs Checkout shares: without them no agent could read an address. (Migrating and rebuilding need none.) */
export function assertSharedPersonalDataKeys(config: SupportConfig): void {
  if (config.NODE_ENV === 'production' && !config.PERSONAL_DATA_SHARING_KEKS?.trim()) {
    throw new Error('PERSONAL_DATA_SHARING_KEKS is required in production: id:base64key (32 random bytes), the same as Checkout’s (docs/data-protection.md)');
  }
}

export function supportSettingsOf(config: SupportConfig): SupportSettings {
  return { personalDataSharingKeys: sharingKeyRingOf(config.PERSONAL_DATA_SHARING_KEKS) };
}
