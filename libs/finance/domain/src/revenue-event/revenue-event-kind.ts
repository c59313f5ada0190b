/**
 * What a ledger entry says about an order's revenue. `deferred` is money expected but not yet
 * earned (the payment was authorized); `recognized` is that money earned (the order's shipment was
 * dispatched); `reversal` undoes the deferred entry of an order cancelled before dispatch.
 */
export const revenueEventKinds = ['deferred', 'recognized', 'reversal'] as const;
export type RevenueEventKind = (typeof revenueEventKinds)[number];
