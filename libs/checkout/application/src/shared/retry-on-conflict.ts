import { ConcurrencyConflict } from '@bazaar/shared-kernel';

/**
 * Runs `work` again, from a fresh load, when another writer changed the aggregate first. The
 * work must load what it changes (from the second attempt on at least: the first may use what the
 * caller just loaded), so each attempt decides on current state. After `attempts` the conflict
 * reaches the caller (409).
 */
export async function retryOnConflict<T>(work: (attempt: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt >= attempts) throw error;
    }
  }
}
