/** How the billing system behaves, from its environment; misbehaviour is off unless asked for. */
export interface LegacyBillingSettings {
  readonly port: number;
  readonly databaseUrl: string;
  /** Each call waits a random 0..latencyMs first. */
  readonly latencyMs: number;
  /** Share (0..1) of calls that fail with HTTP 500/503 RC 98; half of the failed writes have booked before failing. */
  readonly failureRate: number;
  /** Share (0..1) of posted charges whose confirmation the journal carries twice. */
  readonly duplicateConfirmationRate: number;
  /** Charges are confirmed (posted) this long after they were received. */
  readonly confirmationDelayMs: number;
  readonly confirmationIntervalMs: number;
  /** A scheduled maintenance window: every `maintenanceEverySeconds` from start-up, the first `maintenanceForSeconds` of it (0: never). */
  readonly maintenanceEverySeconds: number;
  readonly maintenanceForSeconds: number;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > max) throw new Error(`${name} must be a number from 0 to ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

export function settingsFrom(env: NodeJS.ProcessEnv): LegacyBillingSettings {
  return {
    port: numberFrom(env, 'PORT', 3005, 65535),
    databaseUrl: env['DATABASE_URL'] || 'postgres://bazaar_legacy_billing@127.0.0.1:5432/bazaar_legacy_billing',
    latencyMs: numberFrom(env, 'LEGACY_LATENCY_MS', 0),
    failureRate: numberFrom(env, 'LEGACY_FAILURE_RATE', 0, 1),
    duplicateConfirmationRate: numberFrom(env, 'LEGACY_DUPLICATE_CONFIRMATION_RATE', 0, 1),
    confirmationDelayMs: numberFrom(env, 'LEGACY_CONFIRMATION_DELAY_MS', 2_000),
    confirmationIntervalMs: numberFrom(env, 'LEGACY_CONFIRMATION_INTERVAL_MS', 500),
    maintenanceEverySeconds: numberFrom(env, 'LEGACY_MAINTENANCE_EVERY_SECONDS', 0),
    maintenanceForSeconds: numberFrom(env, 'LEGACY_MAINTENANCE_FOR_SECONDS', 0),
  };
}
