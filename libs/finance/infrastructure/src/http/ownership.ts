import { SubscriptionNotFound } from '@bazaar/finance-domain';
import { Caller, holdsAny } from '@bazaar/platform-service';
import { DomainError } from '@bazaar/shared-kernel';

/** A seller subscribing someone else: the body's `sellerId` is not the token's subject (403). */
export class SellerMismatch extends DomainError {
  readonly code = 'seller_mismatch';
  readonly kind = 'forbidden' as const;

  constructor() {
    super('sellerId must be your own subject');
  }
}

/** A seller subscribes themselves; an admin may subscribe anyone. */
export function assertSubscribingSelf(caller: Caller, sellerId: string): void {
  if (sellerId !== caller.subject && !holdsAny(caller)) throw new SellerMismatch();
}

/**
 * Another seller's subscription does not exist for this caller: the same 404 as a missing one, so
 * its existence is never revealed. `readers` (finance, for reading) see every seller's; admin always.
 */
export function assertOwnSubscription(
  caller: Caller,
  subscription: { readonly subscriptionId: string; readonly sellerId: string },
  readers: Parameters<typeof holdsAny>[1][] = [],
): void {
  if (subscription.sellerId === caller.subject || holdsAny(caller, ...readers)) return;
  throw new SubscriptionNotFound(subscription.subscriptionId);
}
