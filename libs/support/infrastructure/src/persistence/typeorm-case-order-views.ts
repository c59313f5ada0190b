import { StatementBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { CaseOrderView, CaseOrderViewChange, CaseOrderViews, StoredCaseOrderView } from '@bazaar/support-domain';
import { inCurrentShape, StoredView } from './case-order-view.rows';

interface ViewRow {
  readonly view: StoredView;
  readonly version: number;
}

/**
 * Optimistic locking: a view is inserted only if no row exists yet and updated only at the version
 * it was read at. Two facts of one order projected in parallel (they come from different topics)
 * therefore never overwrite each other: the loser gets ConcurrencyConflict, which the Kafka
 * transport retries against the winner's row.
 */
export class TypeOrmCaseOrderViews extends CaseOrderViews {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async find(orderId: string): Promise<StoredCaseOrderView | null> {
    const rows: ViewRow[] = await this.transactions.manager.query('SELECT view, version FROM case_order_views WHERE order_id = $1', [orderId]);
    const [row] = rows;
    return row ? { view: inCurrentShape(row.view), version: row.version } : null;
  }

  async findAll(orderIds: readonly string[]): Promise<ReadonlyMap<string, StoredCaseOrderView>> {
    if (orderIds.length === 0) return new Map();
    const rows: (ViewRow & { order_id: string })[] = await this.transactions.reader.query('SELECT order_id, view, version FROM case_order_views WHERE order_id = ANY($1::uuid[])', [
      orderIds,
    ]);
    const byId = new Map(rows.map((row) => [row.order_id, row]));
    return new Map(
      orderIds.flatMap((orderId) => {
        const row = byId.get(orderId.toLowerCase());
        return row ? [[orderId, { view: inCurrentShape(row.view), version: row.version }] as const] : [];
      }),
    );
  }

  async ofBuyer(buyerId: string, limit: number): Promise<readonly CaseOrderView[]> {
    const rows: ViewRow[] = await this.transactions.manager.query(
      `SELECT view, version FROM case_order_views WHERE view -> 'checkout' ->> 'buyerId' = $1
        ORDER BY view -> 'checkout' ->> 'placedAt' DESC, order_id LIMIT $2`,
      [buyerId, limit],
    );
    return rows.map((row) => inCurrentShape(row.view));
  }

  save(view: CaseOrderView, expectedVersion: number | null): Promise<void> {
    return this.saveAll([{ view, expectedVersion }]);
  }

  /**
   * With the unit of work's closing statement: one INSERT for the new views and one UPDATE for the
   * others, each version-checked row by row; a view someone else wrote since it was read is a
   * ConcurrencyConflict, and nothing of the unit is written.
   */
  async saveAll(changes: readonly CaseOrderViewChange[]): Promise<void> {
    await this.transactions.run(async () => {
      for (const change of changes) await this.transactions.gather(this.#changes, change);
    });
  }

  readonly #changes: StatementBatch<CaseOrderViewChange> = {
    statements: (changes) => {
      const created = changes.filter((change) => change.expectedVersion === null);
      const updated = changes.filter((change) => change.expectedVersion !== null);
      const conflict = (written: readonly CaseOrderViewChange[]) => () => new ConcurrencyConflict('CaseOrderView', written.map(({ view }) => view.orderId).join(','));
      const statements: WriteStatement[] = [];
      if (created.length > 0) {
        statements.push({
          text: `INSERT INTO case_order_views (order_id, view, version)
                 SELECT created.order_id, created.view, 1 FROM unnest($1::uuid[], $2::jsonb[]) AS created(order_id, view)
                 ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
          values: [created.map(({ view }) => view.orderId), created.map(({ view }) => JSON.stringify(view))],
          expect: { rows: created.length, otherwise: conflict(created) },
        });
      }
      if (updated.length > 0) {
        statements.push({
          text: `UPDATE case_order_views AS stored SET view = updated.view, version = stored.version + 1, updated_at = now()
                 FROM unnest($1::uuid[], $2::int[], $3::jsonb[]) AS updated(order_id, expected_version, view)
                 WHERE stored.order_id = updated.order_id AND stored.version = updated.expected_version
                 RETURNING stored.order_id`,
          values: [updated.map(({ view }) => view.orderId), updated.map(({ expectedVersion }) => expectedVersion), updated.map(({ view }) => JSON.stringify(view))],
          expect: { rows: updated.length, otherwise: conflict(updated) },
        });
      }
      return statements;
    },
  };
}
