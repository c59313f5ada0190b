import { DomainError } from '@bazaar/shared-kernel';

/**
 * The legacy system's answer codes (`RC` in every body) and what each means for Finance. Nothing
 * outside the ACL sees an RC: it becomes one of Finance's outcomes below.
 */
export const LegacyReturnCodes = {
  OK: 0,
  ACCOUNT_UNKNOWN: 17,
  CONTRACT_UNKNOWN: 18,
  CHARGE_CODE_UNKNOWN: 21,
  AMOUNT_FORMAT: 22,
  FIELD_MISSING: 30,
  SYSTEM_ERROR: 98,
  MAINTENANCE: 99,
} as const;

/** What Finance does about a legacy answer. */
export type LegacyOutcome =
  /** It may or may not have booked it: look the reference up before sending again. */
  | { readonly kind: 'unavailable'; readonly reason: string }
  /** It refused for good: no retry helps; the request is set aside for a person. */
  | { readonly kind: 'refused'; readonly code: string; readonly reason: string }
  /** Something it needs (the Account, the Contract) is not there yet: try again after it. */
  | { readonly kind: 'not_yet'; readonly reason: string };

/** A legacy RC as Finance's outcome. */
export function outcomeOf(rc: number, message: string): LegacyOutcome {
  switch (rc) {
    case LegacyReturnCodes.ACCOUNT_UNKNOWN:
      return { kind: 'not_yet', reason: `billing account not known to the books of record yet (${message})` };
    case LegacyReturnCodes.CONTRACT_UNKNOWN:
      return { kind: 'not_yet', reason: `subscription not known to the books of record yet (${message})` };
    case LegacyReturnCodes.CHARGE_CODE_UNKNOWN:
      return { kind: 'refused', code: 'line_kind_not_bookable', reason: message };
    case LegacyReturnCodes.AMOUNT_FORMAT:
      return { kind: 'refused', code: 'amount_not_supported', reason: message };
    case LegacyReturnCodes.FIELD_MISSING:
      return { kind: 'refused', code: 'books_of_record_request_invalid', reason: message };
    case LegacyReturnCodes.MAINTENANCE:
      return { kind: 'unavailable', reason: `books of record in maintenance (${message})` };
    default:
      return { kind: 'unavailable', reason: `books of record failed: RC ${rc} ${message}` };
  }
}

/** Finance's own error for a request the books of record can never accept; its `code` is what reconciliation shows. */
export class LegacyBillingRefused extends DomainError {
  readonly kind = 'invalid' as const;

  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(`The books of record refuse it: ${reason}`);
  }
}
