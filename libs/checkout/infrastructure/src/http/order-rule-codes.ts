/** The order's placement rules (422), the same for express checkout and a cart's checkout. */
export const orderRuleCodes = [
  'order_has_no_lines',
  'order_line_limit_exceeded',
  'invalid_quantity',
  'mixed_currencies',
  'non_positive_price',
  'duplicate_sku',
  'currency_not_accepted',
];
