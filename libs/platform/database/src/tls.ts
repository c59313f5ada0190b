import { readFileSync } from 'node:fs';
import type { SecureVersion } from 'node:tls';

/**
 * How a connection to PostgreSQL uses TLS, named as libpq names them:
 * - `disable`: plain TCP (loopback development only);
 * - `require`: encrypted, the server's certificate not checked (protects from a passive listener only);
 * - `verify-ca`: encrypted, the certificate must be signed by the CA;
 * - `verify-full`: as verify-ca, and the certificate must name the host connected to (production).
 */
export type DatabaseSslMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

export const databaseSslModes = ['disable', 'require', 'verify-ca', 'verify-full'] as const satisfies readonly DatabaseSslMode[];

export interface DatabaseTls {
  readonly mode: DatabaseSslMode;
  /** PEM file of the CA that signed the server's certificate (verify-ca, verify-full). */
  readonly caFile?: string;
}

/** What node-postgres takes as its `ssl` option (a subset of node's TLS options). */
export interface PgSslOptions {
  readonly ca?: string;
  readonly rejectUnauthorized: boolean;
  readonly minVersion: SecureVersion;
  readonly checkServerIdentity?: () => undefined;
}

/** node-postgres' `ssl` option for `tls`; verifying modes refuse to start without a CA file. */
export function pgSsl(tls: DatabaseTls | undefined): false | PgSslOptions {
  if (!tls || tls.mode === 'disable') return false;
  if (tls.mode === 'require') return { rejectUnauthorized: false, minVersion: 'TLSv1.2' };
  if (!tls.caFile) throw new Error(`Invalid configuration: DATABASE_SSL_MODE=${tls.mode} needs DATABASE_SSL_CA_FILE`);
  // The CA file's path comes from the service's validated configuration, never from a request.
  // eslint-disable-next-line security/detect-non-literal-fs-filename
  const ca = readFileSync(tls.caFile, 'utf8');
  return {
    ca,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    // verify-ca: the chain is checked, the name is not (a certificate for a load balancer's name, say).
    ...(tls.mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
  };
}
