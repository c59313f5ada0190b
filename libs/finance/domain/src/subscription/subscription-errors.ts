import { DomainError } from '@bazaar/shared-kernel';

/** A seller subscribes to a plan on offer. */
export class PlanUnknown extends DomainError {
  readonly code = 'plan_unknown';
  readonly kind = 'invalid' as const;

  constructor(plan: string, known: readonly string[]) {
    super(`No plan ${JSON.stringify(plan)}; the plans are ${known.join(', ')}`);
  }
}

/** The configured plans are not a catalogue: a start-up error, never a request's. */
export class PlanCatalogueInvalid extends Error {
  constructor(reason: string) {
    super(`The plan catalogue is invalid: ${reason}`);
  }
}

/** A subscription belongs to a seller. */
export class SubscriptionSellerMissing extends DomainError {
  readonly code = 'subscription_seller_missing';
  readonly kind = 'invalid' as const;

  constructor() {
    super('A subscription needs a seller');
  }
}

/** A cancelled subscription is neither renewed nor cancelled again. */
export class SubscriptionAlreadyCancelled extends DomainError {
  readonly code = 'subscription_already_cancelled';
  readonly kind = 'conflict' as const;

  constructor(subscriptionId: string) {
    super(`Subscription ${subscriptionId} is cancelled`);
  }
}

/** A subscription renews when its current period has ended, not before. */
export class SubscriptionNotDue extends DomainError {
  readonly code = 'subscription_not_due';
  readonly kind = 'conflict' as const;

  constructor(subscriptionId: string, periodEnd: Date) {
    super(`Subscription ${subscriptionId} is not due before ${periodEnd.toISOString()}`);
  }
}

/** No subscription with this id. */
export class SubscriptionNotFound extends DomainError {
  readonly code = 'subscription_not_found';
  readonly kind = 'not_found' as const;

  constructor(subscriptionId: string) {
    super(`Subscription ${subscriptionId} does not exist`);
  }
}

/** A period lasts at least a second. */
export class SubscriptionPeriodInvalid extends DomainError {
  readonly code = 'subscription_period_invalid';
  readonly kind = 'invalid' as const;

  constructor(reason: string) {
    super(`Subscription period is invalid: ${reason}`);
  }
}
