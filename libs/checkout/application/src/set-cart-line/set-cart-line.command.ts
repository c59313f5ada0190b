import { Money } from '@bazaar/shared-kernel';

/** Add the line for `sku`, or change its quantity and unit price. */
export interface SetCartLine {
  readonly cartId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}
