import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** How often an open screen asks the services again. */
export const pollIntervalMs = 2_000;

export interface Polled<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  /** Loads again now (after an action), without waiting for the next tick. */
  readonly reload: () => Promise<void>;
}

/**
 * Loads now, then again every {@link pollIntervalMs} while the tab is visible, so a screen follows
 * new events without a reload. One load at a time: a slow service never piles requests up.
 */
export function usePoll<T>(load: () => Promise<T>, keys: readonly unknown[]): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const running = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      setData(await loadRef.current());
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    setData(undefined);
    void reload();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, pollIntervalMs);
    return () => clearInterval(timer);
    // The caller names what the load depends on (keys), as with useEffect.
  }, keys);

  return { data, error, reload };
}
