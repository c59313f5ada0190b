/**
 * What a ledger entry says about an order's revenue. `deferred` is money expected but not yet
 * earned; `reversal` undoes the deferred entry of an order cancelled after its payment was
 * authorized; `recognized` (at dispatch) comes later.
 */
export type RevenueEventKind = 'deferred' | 'reversal';
