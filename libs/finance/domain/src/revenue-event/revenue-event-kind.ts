/**
 * What a ledger entry says about an order's revenue. `deferred` is money expected but not yet
 * earned; `recognized` (at dispatch) and `reversal` (cancellation) come later.
 */
export type RevenueEventKind = 'deferred';
