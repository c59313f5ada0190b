import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { SupportCase, SupportCaseEvent, SupportCases, SupportCaseSnapshot } from '@bazaar/support-domain';
import { CaseDetails, CaseQueries, CaseSummary } from '../ports/case-queries';

/** A faithful fake of the store and its queries: versions are checked, events are kept. */
export class InMemorySupportCases extends SupportCases {
  readonly #rows = new Map<string, { snapshot: SupportCaseSnapshot; version: number }>();
  /** Events "written to the outbox", in save order. */
  readonly published: SupportCaseEvent[] = [];

  async save(supportCase: SupportCase): Promise<void> {
    const stored = this.#rows.get(supportCase.id);
    if ((stored?.version ?? 0) !== supportCase.version) throw new ConcurrencyConflict('SupportCase', supportCase.id);
    this.#rows.set(supportCase.id, { snapshot: supportCase.snapshot(), version: supportCase.version + 1 });
    this.published.push(...supportCase.pendingEvents);
  }

  async find(caseId: string): Promise<SupportCase | null> {
    const row = this.#rows.get(caseId);
    return row ? SupportCase.restore(row.snapshot, row.version) : null;
  }

  /** The read side over the same rows. */
  readonly queries: CaseQueries = {
    details: async (caseId: string): Promise<CaseDetails | null> => {
      const row = this.#rows.get(caseId);
      if (!row) return null;
      const { id, entries, ...rest } = row.snapshot;
      return { caseId: id, ...rest, entries: entries.map((entry) => ({ ...entry })) };
    },
    ofOrder: async (orderId: string): Promise<readonly CaseSummary[]> =>
      [...this.#rows.values()]
        .map((row) => row.snapshot)
        .filter((snapshot) => snapshot.orderId === orderId)
        .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
        .map(({ id, orderId: order, subject, status, openedBy, openedAt, entries }) => ({
          caseId: id,
          orderId: order,
          subject,
          status,
          openedBy,
          openedAt,
          lastActivityAt: entries.at(-1)?.at ?? openedAt,
        })),
  };
}
