import { Caller, holdsAny } from '@bazaar/platform-service';
import { DomainError } from '@bazaar/shared-kernel';

/** A buyer acting for someone else: the body's `buyerId` is not the token's subject (403). */
export class BuyerMismatch extends DomainError {
  readonly code = 'buyer_mismatch';
  readonly kind = 'forbidden' as const;

  constructor() {
    super('buyerId must be your own subject');
  }
}

/** The buyer a new cart or order is for: the caller, who may name themselves in the body; an admin may name anyone. */
export function buyerFor(caller: Caller, bodyBuyerId: string | undefined): string {
  if (bodyBuyerId === undefined || bodyBuyerId === caller.subject) return caller.subject;
  if (holdsAny(caller)) return bodyBuyerId;
  throw new BuyerMismatch();
}

/**
 * Another buyer's cart or order does not exist for this caller: the same 404 as a missing one, so
 * its existence is never revealed. `readers` may see every buyer's (admin always may).
 */
export function assertVisible(caller: Caller, buyerId: string, notFound: () => DomainError, readers: Parameters<typeof holdsAny>[1][] = []): void {
  if (buyerId === caller.subject || holdsAny(caller, ...readers)) return;
  throw notFound();
}
