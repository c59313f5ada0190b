import { Transactional } from '@bazaar/shared-kernel/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';

/**
 * Aggregate states by id with the real adapters' version check (`UPDATE … WHERE version = $n`), and a
 * log of the events saved with them: what the outbox would hold.
 */
export class VersionedRows<State, Event> implements Transactional {
  #rows = new Map<string, { state: State; version: number }>();
  #events: Event[] = [];

  constructor(private readonly aggregate: string) {}

  get(id: string): { state: State; version: number } | undefined {
    return this.#rows.get(id);
  }

  put(id: string, state: State, loadedVersion: number, events: readonly Event[]): void {
    if ((this.#rows.get(id)?.version ?? 0) !== loadedVersion) throw new ConcurrencyConflict(this.aggregate, id);
    this.#rows.set(id, { state, version: loadedVersion + 1 });
    this.#events.push(...events);
  }

  /** Every row or none: a stale one throws ConcurrencyConflict and leaves all as they were. */
  putAll(rows: readonly { id: string; state: State; loadedVersion: number; events: readonly Event[] }[]): void {
    const restore = this.snapshot();
    try {
      for (const row of rows) this.put(row.id, row.state, row.loadedVersion, row.events);
    } catch (error) {
      restore();
      throw error;
    }
  }

  states(): State[] {
    return [...this.#rows.values()].map((row) => row.state);
  }

  get events(): readonly Event[] {
    return this.#events;
  }

  get size(): number {
    return this.#rows.size;
  }

  snapshot(): () => void {
    const rows = new Map(this.#rows);
    const events = [...this.#events];
    return () => {
      this.#rows = rows;
      this.#events = events;
    };
  }
}
