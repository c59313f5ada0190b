/** Code-point order, the same in every locale (and as PostgreSQL's `COLLATE "C"`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
