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
 * The configured key ring, or one random KEK for this process only when none is configured: what
 * it wraps cannot be opened after a restart, so every deployment sets PERSONAL_DATA_KEKS.
 */
export function keyRingOf(setting: string | undefined): KeyRing {
  return setting?.trim() ? KeyRing.parse(setting) : ephemeralKeyRing();
}

export function ephemeralKeyRing(): KeyRing {
  return new KeyRing([{ id: 'ephemeral', key: randomBytes(32) }]);
}
