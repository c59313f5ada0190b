import { ConcurrencyConflict } from '@bazaar/shared-kernel';

/**
 * Runs `work` again, from a fresh load, when another writer changed the aggregate first. The
 * work must load what it changes, so each attempt decides on current state. After `attempts`
 * the conflict reaches the caller (409).
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt >= attempts) throw error;
    }
  }
}
