/**
 * The key a unique violation names (`Key (order_id)=(…) already exists.`), when one row of a
 * multi-row statement collided: what a ConcurrencyConflict reports.
 */
export function conflictingKey(error: unknown): string | undefined {
  const driver = error as { driverError?: { detail?: string }; detail?: string };
  const detail = driver.driverError?.detail ?? driver.detail;
  return detail ? /\)=\((.*)\) already exists/.exec(detail)?.[1] : undefined;
}
