import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { KeyRing, PersonalDataKeyError } from './key-ring';

/**
 * `PERSONAL_DATA_KEKS`: the key-encryption keys as `id:base64key,…`, oldest first (the last wraps
 * new data keys). Checked at start: ids, 32-byte keys, no id twice. Unset, {@link keyRingOf} makes
 * an ephemeral ring (tests, a throw-away local stack).
 */
export const personalDataKeksSetting = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value === undefined || value.trim() === '') return;
    try {
      KeyRing.parse(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: error instanceof PersonalDataKeyError ? error.message : 'not id:base64key,…' });
    }
  });

/**
 * `PERSONAL_DATA_SHARING_KEKS`: the key-encryption keys Checkout wraps buyers' data keys with when
 * it publishes them on `checkout.buyer-keys`, and Support unwraps them with; the same format and
 * checks as {@link personalDataKeksSetting}, and never the same keys as PERSONAL_DATA_KEKS (those
 * stay Checkout's own).
 */
export const personalDataSharingKeksSetting = personalDataKeksSetting;

/**
 * The configured sharing key ring, or, unset, one random KEK shared by everything in this process
 * (tests start Checkout and Support side by side and both must open it); separate processes then
 * cannot read each other's keys, so every deployment sets PERSONAL_DATA_SHARING_KEKS.
 */
export function sharingKeyRingOf(setting: string | undefined): KeyRing {
  return setting?.trim() ? KeyRing.parse(setting) : processSharingKeyRing();
}

let processSharing: KeyRing | undefined;

/** The one random sharing KEK of this process (see {@link sharingKeyRingOf}). */
export function processSharingKeyRing(): KeyRing {
  processSharing ??= new KeyRing([{ id: 'process', key: randomBytes(32) }]);
  return processSharing;
}

/**
 * The configured key ring, or one random KEK for this process only when none is configured: what
 * it wraps cannot be opened after a restart, so every deployment sets PERSONAL_DATA_KEKS.
 */
export function keyRingOf(setting: string | undefined): KeyRing {
  return setting?.trim() ? KeyRing.parse(setting) : ephemeralKeyRing();
}

export function ephemeralKeyRing(): KeyRing {
  return new KeyRing([{ id: 'ephemeral', key: randomBytes(32) }]);
}
