/** Integer minor units (cents, pence, …) and an ISO 4217 currency. Never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money needs integer minor units, got ${amount}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Money needs an ISO 4217 currency, got ${currency}`);
  return { amount, currency };
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return money(
    items.reduce((total, item) => {
      if (item.currency !== currency) throw new RangeError(`Cannot add ${item.currency} to ${currency}`);
      return total + item.amount;
    }, 0),
    currency,
  );
}

export function multiplyMoney(unit: Money, quantity: number): Money {
  return money(unit.amount * quantity, unit.currency);
}
