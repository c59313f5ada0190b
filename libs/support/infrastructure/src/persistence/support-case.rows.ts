import { CaseEntry, SupportCase, SupportCaseStatus } from '@bazaar/support-domain';

/** One case with its entries, as the SELECT in TypeOrmSupportCases returns it. */
export interface SupportCaseRow {
  readonly id: string;
  readonly order_id: string;
  readonly subject: string;
  readonly description: string;
  readonly status: SupportCaseStatus;
  readonly opened_by: string;
  readonly opened_at: Date;
  readonly version: number;
  readonly entries: readonly { kind: CaseEntry['kind']; actor: string; at: string; text: string | null }[];
}

export const selectSupportCases = `
  SELECT c.id, c.order_id, c.subject, c.description, c.status, c.opened_by, c.opened_at, c.version,
         COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'actor', e.actor, 'at', e.at, 'text', e.text) ORDER BY e.entry_no)
                     FROM support_case_entries e WHERE e.case_id = c.id), '[]'::json) AS entries
    FROM support_cases c`;

export function toEntry(row: SupportCaseRow['entries'][number]): CaseEntry {
  const at = new Date(row.at);
  if (row.kind === 'reopening') return { kind: 'reopening', actor: row.actor, at, text: null };
  return { kind: row.kind, actor: row.actor, at, text: row.text ?? '' };
}

export function toSupportCase(row: SupportCaseRow): SupportCase {
  return SupportCase.restore(
    {
      id: row.id,
      orderId: row.order_id,
      subject: row.subject,
      description: row.description,
      status: row.status,
      openedBy: row.opened_by,
      openedAt: row.opened_at,
      entries: row.entries.map(toEntry),
    },
    row.version,
  );
}
