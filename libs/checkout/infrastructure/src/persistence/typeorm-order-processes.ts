import { OrderId, orderId, OrderProcess, OrderProcesses } from '@bazaar/checkout-domain';
import { StatementBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { OrderProcessRow, processColumns, processColumnTypes, processValues, toOrderProcess } from './order-process.rows';

const placeholders = processColumns.map((_, i) => `$${i + 1}`).join(', ');
/** Every column but `order_id` ($1), then the loaded version. */
const assignments = processColumns
  .slice(1)
  .map((column, i) => `${column} = $${i + 2}`)
  .join(', ');
const versionParameter = `$${processColumns.length + 1}`;
/** What a load reads, named column by column (statements are prepared: see PreparingClient). */
const selectedColumns = [...processColumns, 'version'].join(', ');
/** A multi-row update's assignments, from the rows of `jsonb_to_recordset` (`v`); `pending` travels as its JSON text. */
const setFromRows = processColumns
  .slice(1)
  .map((column) => `${column} = v.${column}${column === 'pending' ? '::jsonb' : ''}`)
  .join(', ');
const rowColumns = processColumns.map((column) => `${column} ${processColumnTypes[column]}`).join(', ');

/**
 * Order processes in PostgreSQL. A process is internal to Checkout: its decisions reach the world
 * through the Order it commands, so nothing goes to the outbox here.
 *
 * The sweeps claim what they return with a lease (`claimed_until`), taken under `FOR UPDATE SKIP
 * LOCKED`: replicas sweeping at the same moment split the work instead of each calling the gateway
 * for the same order. Saving the process ends the lease, so a retry it schedules is not held back.
 */
export class TypeOrmOrderProcesses extends OrderProcesses {
  /** New processes, written with the unit of work's closing statement. */
  readonly #begun: StatementBatch<OrderProcess> = {
    statements: (processes) =>
      processes.map((process) => ({
        text: `INSERT INTO order_processes (${processColumns.join(', ')}, version) VALUES (${placeholders}, 1) ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
        values: processValues(process),
        expect: { rows: 1, otherwise: () => new ConcurrencyConflict('OrderProcess', process.orderId) },
      })),
  };
  /** Loaded processes, in one UPDATE with the unit of work's closing statement. */
  readonly #changed: StatementBatch<OrderProcess> = { statements: (processes) => [changedStatement(processes)] };

  constructor(
    private readonly transactions: Transactions,
    private readonly claimMs = 30_000,
  ) {
    super();
  }

  async byId(id: OrderId): Promise<OrderProcess | undefined> {
    const [row] = (await this.transactions.reader.query(`SELECT ${selectedColumns} FROM order_processes WHERE order_id = $1`, [id])) as OrderProcessRow[];
    return row && toOrderProcess(row);
  }

  /**
   * A new process is inserted with the unit of work's closing statement, ON CONFLICT DO NOTHING:
   * when a concurrent first decision (a screening and a cancel, say) won, this one is a
   * ConcurrencyConflict and nothing of the unit is written, so the caller can reload and decide again.
   *
   * A loaded one is updated now, in one statement, version check included, so it opens no
   * transaction of its own: in a unit of work it joins it, outside one (a decision on a gateway's
   * answer) it commits alone, without a BEGIN and a COMMIT around it.
   */
  async save(process: OrderProcess): Promise<void> {
    if (process.version === 0) return this.transactions.gather(this.#begun, process);
    const [, changed] = (await this.transactions.manager.query(
      `UPDATE order_processes SET ${assignments}, claimed_until = NULL, version = version + 1, updated_at = now()
         WHERE order_id = $1 AND version = ${versionParameter}`,
      [...processValues(process), process.version],
    )) as [unknown, number];
    if (changed === 0) throw new ConcurrencyConflict('OrderProcess', process.orderId);
  }

  async byIds(ids: readonly OrderId[]): Promise<OrderProcess[]> {
    if (ids.length === 0) return [];
    const rows = (await this.transactions.reader.query(`SELECT ${selectedColumns} FROM order_processes WHERE order_id = ANY($1::uuid[])`, [ids])) as OrderProcessRow[];
    return rows.map(toOrderProcess);
  }

  /**
   * New processes as `save` writes them; loaded ones in one UPDATE with the unit of work's closing
   * statement, each row checked against its loaded version. Fewer rows than processes means another
   * writer got in first: ConcurrencyConflict, and nothing of the unit is written. The ids again as
   * an array give the planner an index condition (as `TypeOrmOrders.saveAll` explains).
   */
  saveAll(processes: readonly OrderProcess[]): Promise<void> {
    return this.transactions.run(async () => {
      for (const process of processes) {
        if (process.version === 0) await this.save(process);
        else await this.transactions.gather(this.#changed, process);
      }
    });
  }

  withDeadlineBy(at: Date, limit: number): Promise<OrderId[]> {
    return this.claim('deadline_at', at, limit);
  }

  withCommandsDueBy(at: Date, limit: number): Promise<OrderId[]> {
    return this.claim('due_at', at, limit);
  }

  /** One statement, so, like a save, no transaction of its own: a claim is one round trip, not three. */
  private async claim(column: 'due_at' | 'deadline_at', at: Date, limit: number): Promise<OrderId[]> {
    const rows = (await this.transactions.manager.query(
      `UPDATE order_processes SET claimed_until = $2
         WHERE order_id IN (
           SELECT order_id FROM order_processes
           WHERE ${column} <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
           ORDER BY ${column} LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING order_id, ${column} AS at`,
      [at, new Date(at.getTime() + this.claimMs), limit],
    )) as [{ order_id: string; at: Date }[], number];
    return rows[0].sort((a, b) => a.at.getTime() - b.at.getTime()).map((row) => orderId(row.order_id));
  }
}

/** Loaded processes in one UPDATE, each row checked against its loaded version; saving ends a sweep's lease. */
function changedStatement(processes: readonly OrderProcess[]): WriteStatement {
  const rows = processes.map((process) => {
    const values = processValues(process);
    return { ...Object.fromEntries(processColumns.map((column, i) => [column, values[i]])), version: process.version };
  });
  return {
    text: `UPDATE order_processes p SET ${setFromRows}, claimed_until = NULL, version = p.version + 1, updated_at = now()
             FROM jsonb_to_recordset($1::jsonb) AS v (${rowColumns}, version integer)
            WHERE p.order_id = v.order_id AND p.version = v.version AND p.order_id = ANY($2::uuid[])
            RETURNING p.order_id`,
    values: [JSON.stringify(rows), processes.map((process) => process.orderId)],
    expect: { rows: processes.length, otherwise: () => new ConcurrencyConflict('OrderProcess', processes.map((process) => process.orderId).join(', ')) },
  };
}
