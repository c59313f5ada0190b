import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgSsl } from './tls';

describe('TLS to PostgreSQL, by libpq mode', () => {
  let caFile: string;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-ca-'));
    caFile = join(dir, 'ca.crt');
    writeFileSync(caFile, 'PEM');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sends plain TCP only when disabled (or unset)', () => {
    expect(pgSsl(undefined)).toBe(false);
    expect(pgSsl({ mode: 'disable' })).toBe(false);
  });

  it('encrypts without verifying under require', () => {
    expect(pgSsl({ mode: 'require' })).toEqual({ rejectUnauthorized: false, minVersion: 'TLSv1.2' });
  });

  it('verifies the certificate against the CA, and the host name too under verify-full', () => {
    const full = pgSsl({ mode: 'verify-full', caFile });
    expect(full).toEqual({ ca: 'PEM', rejectUnauthorized: true, minVersion: 'TLSv1.2' });
    const ca = pgSsl({ mode: 'verify-ca', caFile });
    expect(ca).toMatchObject({ ca: 'PEM', rejectUnauthorized: true });
    expect(ca && ca.checkServerIdentity?.()).toBeUndefined();
    expect(ca && typeof ca.checkServerIdentity).toBe('function');
  });

  it('refuses a verifying mode without a CA file', () => {
    expect(() => pgSsl({ mode: 'verify-full' })).toThrow(/needs DATABASE_SSL_CA_FILE/);
  });
});
