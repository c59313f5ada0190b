import { transientDatabaseFailure } from './pg-errors';

export interface WhileUnavailableOptions {
  /** How long to keep trying before giving up with the last error. */
  readonly deadlineMs: number;
  /** Told of each failed attempt that will be tried again. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** First delay; it doubles up to 5 s. */
  readonly firstDelayMs?: number;
}

/**
 * Runs `work` again, with capped exponential backoff, for as long as it fails because the database
 * is unavailable (refused, terminated by a failover, shutting down, out of connections) and the
 * deadline has not passed; any other failure, or the last one, is thrown. For a service's start:
 * a database restarting while a replica starts is a wait, not a crash.
 */
export async function whileDatabaseUnavailable<T>(work: () => Promise<T>, options: WhileUnavailableOptions): Promise<T> {
  const deadline = Date.now() + options.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delayMs = Math.min(5_000, (options.firstDelayMs ?? 250) * 2 ** (attempt - 1));
      if (transientDatabaseFailure(error) !== 'unavailable' || Date.now() + delayMs > deadline) throw error;
      options.onRetry?.(error, attempt, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
