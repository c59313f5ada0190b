import { DomainError } from '@bazaar/shared-kernel';

/** Lines that do not add up (see `pricedLines`): a sale or an invoice made of them would lie. */
export class PricedLinesInvalid extends DomainError {
  readonly code = 'priced_lines_invalid';
  readonly kind = 'invalid' as const;

  constructor(reason: string) {
    super(`Priced lines are invalid: ${reason}`);
  }
}
