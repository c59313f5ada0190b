export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Integer minor units as a price, e.g. 3399 EUR → "€33.99" (currencies with other exponents, such as JPY, too). */
export function money(value: Money | null | undefined): string {
  if (!value) return '—';
  const formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency: value.currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(value.amount / 10 ** digits);
}

/** An instant as the agent reads it: local date and time, to the second. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** `checkout.cart-checked-out` → "cart checked out". */
export function eventLabel(type: string): string {
  return (type.split('.')[1] ?? type).replace(/-/g, ' ');
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, ' ');
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An order id is a UUID; anything else typed into the lookup is taken as a buyer id. */
export function isOrderId(value: string): boolean {
  return uuid.test(value.trim());
}
