import { DomainError } from '@bazaar/shared-kernel';

export class SupportCaseNotFound extends DomainError {
  readonly code = 'support_case_not_found';
  readonly kind = 'not_found' as const;

  constructor(caseId: string) {
    super(`There is no support case ${caseId}`);
  }
}

/** A case is anchored to an order Support knows: an id it has never seen is a typo, not a case. */
export class CaseOrderUnknown extends DomainError {
  readonly code = 'case_order_unknown';
  readonly kind = 'invalid' as const;

  constructor(orderId: string) {
    super(`Support has seen no order ${orderId}: a case belongs to an existing order`);
  }
}

/** A resolved case is closed to edits: it takes no comment (and no second resolution) until reopened. */
export class SupportCaseIsResolved extends DomainError {
  readonly code = 'support_case_resolved';
  readonly kind = 'conflict' as const;

  constructor(caseId: string, attempted: 'comment' | 'resolve') {
    super(`Support case ${caseId} is resolved: reopen it before you ${attempted === 'comment' ? 'comment on it' : 'resolve it again'}`);
  }
}

/** Only a resolved case can be reopened. */
export class SupportCaseIsOpen extends DomainError {
  readonly code = 'support_case_open';
  readonly kind = 'conflict' as const;

  constructor(caseId: string) {
    super(`Support case ${caseId} is open: there is nothing to reopen`);
  }
}

/** A text a rule needs (subject, description, comment, resolution, actor) is blank or too long. */
export class CaseTextInvalid extends DomainError {
  readonly code = 'case_text_invalid';
  readonly kind = 'invalid' as const;

  constructor(field: string, maxLength: number) {
    super(`The case's ${field} must be between 1 and ${maxLength} characters (not only blanks)`);
  }
}
