import { Money } from '@bazaar/shared-kernel';
import { compareText } from './timeline';

/** Finance's ledger entry kinds Support shows; grows as Finance publishes recognition and reversals. */
export type RevenueKind = 'deferred';

/** One immutable ledger entry of the order, as Finance recorded it. */
export interface RevenueEntry {
  readonly entryId: string;
  readonly kind: RevenueKind;
  readonly amount: Money;
  readonly recordedAt: string;
}

/** Ledger entries never change, so an entry already known is kept as is; sorted by (recordedAt, entryId). */
export function withRevenueEntry(entries: readonly RevenueEntry[], entry: RevenueEntry): readonly RevenueEntry[] {
  if (entries.some((existing) => existing.entryId === entry.entryId)) return entries;
  return [...entries, entry].sort((a, b) => compareText(a.recordedAt, b.recordedAt) || compareText(a.entryId, b.entryId));
}
