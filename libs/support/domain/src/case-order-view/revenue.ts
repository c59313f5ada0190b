import { Money } from '@bazaar/shared-kernel';
import { compareText } from './timeline';

/** Finance's ledger entry kinds Support shows: deferred at payment, then recognized at dispatch or reversed at a paid cancellation. */
export const revenueKinds = ['deferred', 'recognized', 'reversal'] as const;
export type RevenueKind = (typeof revenueKinds)[number];

/** One immutable ledger entry of the order, as Finance recorded it. */
export interface RevenueEntry {
  readonly entryId: string;
  readonly kind: RevenueKind;
  readonly amount: Money;
  readonly recordedAt: string;
  /** For a reversal: the entry it undoes; null otherwise. */
  readonly reversesEntryId: string | null;
  /** For a recognition: the deferred entry it earns; null otherwise. */
  readonly recognizesEntryId: string | null;
}

/**
 * Ledger entries never change, so an entry already known is kept as is. Sorted by (recordedAt,
 * deferred first, entryId): Finance records a deferral and its recognition at the same instant when
 * the dispatch came first, and the deferral is still the first entry.
 */
export function withRevenueEntry(entries: readonly RevenueEntry[], entry: RevenueEntry): readonly RevenueEntry[] {
  if (entries.some((existing) => existing.entryId === entry.entryId)) return entries;
  return [...entries, entry].sort(
    (a, b) => compareText(a.recordedAt, b.recordedAt) || Number(a.kind !== 'deferred') - Number(b.kind !== 'deferred') || compareText(a.entryId, b.entryId),
  );
}
