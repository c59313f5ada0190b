/** PostgreSQL SQLSTATE codes the platform reacts to. */
const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof candidate === 'string' ? candidate : undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  const driver = (error as { driverError?: { constraint?: string }; constraint?: string });
  return (driver.driverError?.constraint ?? driver.constraint) === constraint;
}
