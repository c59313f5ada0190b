import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { rowCountTagOf } from './pg-errors';

/** Items written together, in one go, at the end of the transaction they were gathered in (`Transactions.gather`). */
export interface Batch<T> {
  /** Writes every item gathered under this batch in the transaction, in the order gathered; runs inside it, once, just before it commits. */
  flush(items: readonly T[]): Promise<void>;
}

/**
 * One data-modifying statement (INSERT, UPDATE or DELETE) that can go out as part of a larger one:
 * numbered parameters from $1, no `$` anywhere else in its text.
 */
export interface WriteStatement {
  readonly text: string;
  readonly values: readonly unknown[];
  /**
   * The rows it must write — its text then RETURNs one row per row written — and the error when it
   * writes another number (a version check that failed, a key someone else holds): then nothing
   * of the unit of work is written.
   */
  readonly expect?: { readonly rows: number; readonly otherwise: () => Error };
}

/**
 * A batch whose writes are statements (`WriteStatement`): the unit of work sends every such
 * batch's statements, of all the batches gathered in it, as one statement of data-modifying CTEs —
 * one round trip. A unit of work that wrote nothing else needs no transaction around it at all: one
 * statement is atomic by itself (`Transactions.run`).
 */
export interface StatementBatch<T> {
  statements(items: readonly T[]): readonly WriteStatement[];
}

/**
 * A statement batch of versioned aggregates: each written once however often it was saved in the
 * unit (its state as the unit ends), the new ones (version 0) by `insert`, the loaded ones by
 * `update`, each given all of its kind at once; `alongside` adds what belongs to all of them (a
 * ledger's new entries, say).
 */
export function aggregateBatch<T extends { readonly version: number }>(write: {
  insert(fresh: readonly T[]): readonly WriteStatement[];
  update(changed: readonly T[]): readonly WriteStatement[];
  alongside?(all: readonly T[]): readonly WriteStatement[];
}): StatementBatch<T> {
  return {
    statements: (gathered) => {
      const all = [...new Set(gathered)];
      const fresh = all.filter((aggregate) => aggregate.version === 0);
      const changed = all.filter((aggregate) => aggregate.version > 0);
      return [...(fresh.length > 0 ? write.insert(fresh) : []), ...(changed.length > 0 ? write.update(changed) : []), ...(write.alongside?.(all) ?? [])];
    },
  };
}

type AnyBatch = Batch<never> | StatementBatch<never>;

/**
 * Values by key that one part of a unit of work read on the way and another part needs: the one
 * `remember`s them, the other `recall`s them instead of reading again, for the rest of that unit
 * (`Transactions`). Outside a unit nothing is kept, and the other part reads for itself.
 */
export class UnitMemo<T> {
  /** What the values are, for a reader of the code and a debugger. */
  constructor(readonly name: string) {}
  /** Only for the compiler: ties the memo to the type of its values. */
  declare readonly valueType?: T;
}

const isStatementBatch = (batch: AnyBatch): batch is StatementBatch<never> => 'statements' in batch;

/** A unit of work as it runs: its connection, opened on its first statement, and its transaction, begun by its first write. */
class Unit {
  readonly runner: QueryRunner;
  /** Statements that need the transaction (every write, and anything run through `run`'s manager): the first begins it. */
  readonly writes: EntityManager;
  /** Plain reads: in the transaction once it has begun, else on the unit's connection without one. */
  readonly reads: EntityManager;
  /** What `gather` collected, written just before the unit ends. */
  readonly gathered = new Map<AnyBatch, unknown[]>();
  /** What `afterCommit` queued, run once the unit has committed. */
  readonly afterCommit: (() => void)[] = [];
  /** What `remember` kept, by memo and key. */
  readonly memos = new Map<UnitMemo<unknown>, Map<string, unknown>>();
  #begun: Promise<void> | undefined;

  constructor(dataSource: DataSource) {
    this.runner = dataSource.createQueryRunner();
    this.reads = new EntityManager(dataSource, this.runner);
    this.writes = new BeginningEntityManager(dataSource, this.runner, () => this.begin());
  }

  get begun(): boolean {
    return this.#begun !== undefined;
  }

  begin(): Promise<void> {
    this.#begun ??= this.runner.startTransaction();
    return this.#begun;
  }

  /**
   * Writes what was gathered, in the order gathered: a plain batch by its own `flush` (which may
   * gather more), each run of statement batches as one statement. A batch gathered again after
   * it was written is written again, later.
   */
  async writeGathered(): Promise<void> {
    let statements: { batch: StatementBatch<never>; items: never[] }[] = [];
    for (const [batch, items] of this.gathered) {
      this.gathered.delete(batch);
      if (isStatementBatch(batch)) {
        statements.push({ batch, items: items as never[] });
        continue;
      }
      // What the flush writes comes after these in the same transaction: not alone, then.
      if (statements.length > 0) await this.begin();
      await this.send(statements);
      statements = [];
      await batch.flush(items as never[]);
    }
    await this.send(statements);
  }

  /** The batches' statements as one: in the transaction if it has begun, else alone, atomic by itself. */
  private async send(batches: readonly { batch: StatementBatch<never>; items: never[] }[]): Promise<void> {
    const parts = batches.flatMap(({ batch, items }) => batch.statements(items));
    if (parts.length === 0) return;
    const { text, values } = combined(parts);
    try {
      await this.runner.query(text, values);
    } catch (error) {
      const tag = rowCountTagOf(error);
      const part = tag === undefined ? undefined : parts[Number(tag.slice(1))];
      throw part?.expect ? part.expect.otherwise() : error;
    }
  }

  async commit(): Promise<void> {
    if (this.begun) await this.runner.commitTransaction();
  }

  async rollback(): Promise<void> {
    if (this.begun && this.runner.isTransactionActive && !this.runner.isReleased) await this.runner.rollbackTransaction().catch(() => undefined);
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}

/** An EntityManager whose statements begin the unit's transaction first. */
class BeginningEntityManager extends EntityManager {
  constructor(
    dataSource: DataSource,
    runner: QueryRunner,
    private readonly begin: () => Promise<void>,
  ) {
    super(dataSource, runner);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async query<T = any>(query: string, parameters?: unknown[]): Promise<T> {
    await this.begin();
    return super.query<T>(query, parameters);
  }
}

/**
 * Statements as one: each a data-modifying CTE (`w0`, `w1`, …, its parameters renumbered after
 * those before it), and a final SELECT that checks the row counts expected — a count that differs
 * raises (`bazaar_expect_rows`, SQLSTATE BZ409, the CTE's name as message) and the whole statement
 * writes nothing. One statement without an expectation goes as it is.
 */
export function combined(parts: readonly WriteStatement[]): { text: string; values: unknown[] } {
  const [only] = parts;
  if (parts.length === 1 && only && !only.expect) return { text: only.text, values: [...only.values] };
  const values: unknown[] = [];
  const ctes = parts.map((part, i) => {
    const offset = values.length;
    values.push(...part.values);
    return `w${i} AS (${part.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  const checks = parts.flatMap((part, i) => {
    if (!part.expect) return [];
    values.push(part.expect.rows);
    return [`bazaar_expect_rows('w${i}', (SELECT count(*) FROM w${i}), $${values.length}::bigint)`];
  });
  return { text: `WITH ${ctes.join(', ')} SELECT ${checks.length > 0 ? checks.join(', ') : '1'}`, values };
}

/**
 * The unit of work. `run` joins the unit already open in this async context or opens one, so an
 * inbox mark, an aggregate's row and its outbox rows all commit or roll back together without
 * threading a transaction handle through the application layer.
 *
 * The transaction begins with the unit's first write (any statement through `run`'s manager or
 * `manager`); reads through `reader` before it take none. Writes gathered in statement batches
 * (`StatementBatch`) go out as the unit ends, as one statement: a unit that wrote nothing else —
 * reads, then its writes gathered — is that one statement, without BEGIN and COMMIT.
 */
export class Transactions {
  readonly #ambient = new AsyncLocalStorage<Unit>();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const ambient = this.#ambient.getStore();
    if (ambient) return work(ambient.writes);
    const unit = new Unit(this.dataSource);
    let value: T;
    try {
      value = await this.#ambient.run(unit, async () => {
        const result = await work(unit.writes);
        await unit.writeGathered();
        return result;
      });
      await unit.commit();
    } catch (error) {
      await unit.rollback();
      throw error;
    } finally {
      await unit.release();
    }
    // Outside the unit's async context: what a callback starts opens units of its own.
    for (const callback of unit.afterCommit) callback();
    return value;
  }

  /**
   * Gathers `item` under `batch` in the unit open in this async context: just before that unit
   * ends, `batch.flush` writes everything gathered under it in one go (set-based statements
   * instead of a round trip per item), or, for a `StatementBatch`, its statements join the unit's
   * one closing statement; a failure there writes nothing of the unit. Outside a unit, one is
   * opened for the item alone. The caller's promise resolves when the item is gathered, not
   * written: only the end of the unit tells that it was, and a read in the same unit does not see it.
   */
  async gather<T>(batch: Batch<T> | StatementBatch<T>, item: T): Promise<void> {
    const ambient = this.#ambient.getStore();
    if (!ambient) return this.run(async () => this.gather(batch, item));
    const items = ambient.gathered.get(batch as AnyBatch);
    if (items) items.push(item);
    else ambient.gathered.set(batch as AnyBatch, [item]);
  }

  /**
   * Runs `callback` once the unit open in this async context has committed, or at once outside
   * one; never when it rolls back. For work that must not run inside a transaction (a call to
   * another system, say) and must not run at all if what decided it was not committed. The
   * callback starts its work and returns: it must not throw.
   */
  afterCommit(callback: () => void): void {
    const ambient = this.#ambient.getStore();
    if (ambient) ambient.afterCommit.push(callback);
    else callback();
  }

  /** Keeps `value` under `key` in `memo` for the rest of the unit open in this async context (outside one: nothing). */
  remember<T>(memo: UnitMemo<T>, key: string, value: T): void {
    const unit = this.#ambient.getStore();
    if (!unit) return;
    const values = unit.memos.get(memo) ?? new Map<string, unknown>();
    unit.memos.set(memo, values.set(key, value));
  }

  /** What the unit open in this async context remembered under `key` in `memo`; `undefined` if nothing. */
  recall<T>(memo: UnitMemo<T>, key: string): T | undefined {
    return this.#ambient.getStore()?.memos.get(memo)?.get(key) as T | undefined;
  }

  /** The unit's manager, whose first statement begins its transaction; the pool's outside any unit. */
  get manager(): EntityManager {
    return this.#ambient.getStore()?.writes ?? this.dataSource.manager;
  }

  /**
   * For plain reads (no lock taken, nothing written): in the unit's transaction once it has
   * begun, else on the unit's connection without beginning one — in READ COMMITTED each statement
   * sees what was committed before it either way; the pool's outside any unit.
   */
  get reader(): EntityManager {
    return this.#ambient.getStore()?.reads ?? this.dataSource.manager;
  }
}
