import { EntityManager } from 'typeorm';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { SupportCase, SupportCases } from '@bazaar/support-domain';
import { toPublishedCaseEvents } from '../acl/published-case-events';
import { selectSupportCases, SupportCaseRow, toSupportCase } from './support-case.rows';

/**
 * Support cases in PostgreSQL. A save writes the case row (INSERT when new, version-checked UPDATE
 * otherwise), the entries added since it was loaded, and its published events to the outbox, in
 * one transaction.
 */
export class TypeOrmSupportCases extends SupportCases {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async save(supportCase: SupportCase): Promise<void> {
    await this.transactions.run(async (manager) => {
      const stored = supportCase.version === 0 ? 0 : await this.update(manager, supportCase);
      if (supportCase.version === 0) await this.insert(manager, supportCase);
      await this.appendEntries(manager, supportCase, stored);
      await this.outbox.append(manager, toPublishedCaseEvents(supportCase.pendingEvents));
    });
  }

  async find(caseId: string): Promise<SupportCase | null> {
    const rows: SupportCaseRow[] = await this.transactions.manager.query(`${selectSupportCases} WHERE c.id = $1`, [caseId]);
    const [row] = rows;
    return row ? toSupportCase(row) : null;
  }

  private async insert(manager: EntityManager, supportCase: SupportCase): Promise<void> {
    const { id, orderId, subject, description, status, openedBy, openedAt } = supportCase.snapshot();
    await manager.query(
      `INSERT INTO support_cases (id, order_id, subject, description, status, opened_by, opened_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`,
      [id, orderId, subject, description, status, openedBy, openedAt],
    );
  }

  /** Moves the row on from the version it was loaded at; answers how many entries it had then. */
  private async update(manager: EntityManager, supportCase: SupportCase): Promise<number> {
    const { id, status } = supportCase.snapshot();
    const [updated]: [{ entries: number }[], number] = await manager.query(
      `UPDATE support_cases SET status = $3, version = version + 1 WHERE id = $1 AND version = $2
       RETURNING (SELECT count(*)::int FROM support_case_entries WHERE case_id = $1) AS entries`,
      [id, supportCase.version, status],
    );
    const [row] = updated;
    if (!row) throw new ConcurrencyConflict('SupportCase', id);
    return row.entries;
  }

  private async appendEntries(manager: EntityManager, supportCase: SupportCase, stored: number): Promise<void> {
    const added = supportCase.entries.slice(stored);
    if (added.length === 0) return;
    await manager.query(
      `INSERT INTO support_case_entries (case_id, entry_no, kind, actor, at, text)
       SELECT $1, $2::int + entry.ordinality, entry.kind, entry.actor, entry.at, entry.text
         FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::text[]) WITH ORDINALITY AS entry (kind, actor, at, text, ordinality)`,
      [supportCase.id, stored, added.map((e) => e.kind), added.map((e) => e.actor), added.map((e) => e.at), added.map((e) => e.text)],
    );
  }
}
