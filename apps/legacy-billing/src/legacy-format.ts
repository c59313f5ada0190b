/** The house format for dates: DD.MM.YYYY HH:mm, UTC. */
export function formatDate(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getUTCDate())}.${two(at.getUTCMonth() + 1)}.${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}

export function parseDate(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, day, month, year, hours, minutes] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? date : undefined;
}

/** Return codes, as the manual lists them. */
export const RC = {
  OK: 0,
  ACCOUNT_UNKNOWN: 17,
  CONTRACT_UNKNOWN: 18,
  CHGCODE_UNKNOWN: 21,
  AMOUNT_FORMAT: 22,
  FIELD_MISSING: 30,
  SYSTEM_ERROR: 98,
  MAINTENANCE: 99,
} as const;
