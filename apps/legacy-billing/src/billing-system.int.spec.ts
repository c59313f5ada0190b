import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BillingSystem } from './billing-system';
import { settingsFrom } from './config';

const admin = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `legacy_billing_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const databaseUrl = admin.replace(/\/[^/]*$/, `/${database}`);

async function withAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function deadline<T>(probe: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('The legacy billing system', () => {
  let system: BillingSystem;
  let base: string;
  const rolls: number[] = [];
  const confirmationRolls: number[] = [];
  const dice = { call: () => rolls.shift() ?? 0.99, confirmation: () => confirmationRolls.shift() ?? 0.99 };

  beforeAll(async () => {
    await withAdmin(`CREATE DATABASE ${database}`);
    system = new BillingSystem(
      { ...settingsFrom({}), port: 0, databaseUrl, failureRate: 0.5, duplicateConfirmationRate: 0.5, confirmationDelayMs: 0, confirmationIntervalMs: 50 },
      dice,
    );
    base = `http://127.0.0.1:${await system.start()}`;
  });

  afterAll(async () => {
    await system?.stop();
    await withAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { ITEMS?: Record<string, unknown>[] } };
  };
  const openAccount = async (ref: string) => (await call('POST', '/api/v1/accounts', { EXTREF: ref, NAME: 'SELLER', PAYREF: 'invoice' })).body['ACCNO'] as string;

  it('books whatever it is sent, as often as it is sent: no idempotency', async () => {
    const ref = `REF-${randomUUID().slice(0, 8)}`;
    const first = await openAccount(ref);
    const second = await openAccount(ref);

    expect(first).not.toBe(second);
    const found = await call('GET', `/api/v1/accounts?EXTREF=${ref}&OFFSET=0&LIMIT=10`);
    expect(found.body).toMatchObject({ RC: 0, TOTAL: 2 });
  });

  it('answers its own return codes: unknown Account, unknown Contract, unknown ChargeCode, bad amount', async () => {
    const unknownAccount = await call('POST', '/api/v1/contracts', { ACCNO: 'A9999999', EXTREF: 'X', PRODUCT: 'BASIC', START: '01.12.2026 10:00' });
    const accno = await openAccount('REF-CODES');
    const contract = await call('POST', '/api/v1/contracts', { ACCNO: accno, EXTREF: 'C-1', PRODUCT: 'BASIC', START: '01.12.2026 10:00' });
    const charge = (overrides: Record<string, string>) =>
      call('POST', '/api/v1/charges', {
        CONTRNO: contract.body['CONTRNO'],
        CHGCODE: 'SUBFEE',
        AMOUNT: '9.00',
        CURR: 'EUR',
        VALDATE: '01.12.2026 10:00',
        TEXT: 'T-1',
        ...overrides,
      });

    expect(unknownAccount).toEqual({ status: 200, body: { RC: 17, MSG: 'ACCOUNT UNKNOWN' } });
    expect((await charge({ CONTRNO: 'C9999999' })).body['RC']).toBe(18);
    expect((await charge({ CHGCODE: 'NOPE' })).body['RC']).toBe(21);
    expect((await charge({ AMOUNT: '9.5' })).body['RC']).toBe(22);
    expect((await charge({ VALDATE: '2026-12-01' })).body['RC']).toBe(30);
  });

  it('fails as configured: before booking, or after booking with the answer lost', async () => {
    const ref = `REF-${randomUUID().slice(0, 8)}`;
    rolls.push(0.1, 0.9); // fail, before booking
    const before = await call('POST', '/api/v1/accounts', { EXTREF: ref, NAME: 'SELLER', PAYREF: 'invoice' });
    rolls.push(0.1, 0.1); // fail, after booking
    const after = await call('POST', '/api/v1/accounts', { EXTREF: ref, NAME: 'SELLER', PAYREF: 'invoice' });

    expect([before.status, after.status]).toEqual([500, 500]);
    expect(after.body).toEqual({ RC: 98, MSG: 'SYSTEM ERROR' });
    expect((await call('GET', `/api/v1/accounts?EXTREF=${ref}`)).body['TOTAL']).toBe(1);
  });

  it('confirms charges later in its journal, some twice, read by offset', async () => {
    confirmationRolls.push(0.1); // the next confirmation is written twice
    const accno = await openAccount('REF-JOURNAL');
    const contrno = (await call('POST', '/api/v1/contracts', { ACCNO: accno, EXTREF: 'C-J', PRODUCT: 'BASIC', START: '01.12.2026 10:00' })).body['CONTRNO'];
    const posted = await call('POST', '/api/v1/charges', { CONTRNO: contrno, CHGCODE: 'SUBFEE', AMOUNT: '29.00', CURR: 'EUR', VALDATE: '01.12.2026 10:00', TEXT: 'T-J' });
    expect(posted.body).toMatchObject({ RC: 0, STATUS: 'RECEIVED' });

    const journal = await deadline(async () => {
      const page = await call('GET', '/api/v1/journal?OFFSET=0&LIMIT=100');
      const entries = page.body.ITEMS!.filter((entry) => entry['CHGNO'] === posted.body['CHGNO']);
      expect(entries).toHaveLength(2);
      return entries;
    });
    expect(journal[0]).toMatchObject({ EVT: 'CHARGE_POSTED', TEXT: 'T-J', AMOUNT: '29.00', POSTED: expect.stringMatching(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/) });
    const charge = await call('GET', '/api/v1/charges?TEXT=T-J');
    expect(charge.body.ITEMS![0]).toMatchObject({ STATUS: 'POSTED', AMOUNT: '29.00' });
  });

  it('answers RC 99 in maintenance, switched on and off by its admin route', async () => {
    await call('POST', '/admin/maintenance', { MODE: 'ON' });
    const during = await call('GET', '/api/v1/accounts');
    await call('POST', '/admin/maintenance', { MODE: 'AUTO' });
    const after = await call('GET', '/api/v1/accounts');

    expect(during).toEqual({ status: 503, body: { RC: 99, MSG: 'MAINTENANCE' } });
    expect(after.status).toBe(200);
    expect((await call('GET', '/health/ready')).status).toBe(200);
    expect((await call('POST', '/admin/maintenance', { MODE: 'SOMETIMES' })).body['RC']).toBe(30);
  });
});

describe('The legacy billing system’s maintenance window', () => {
  it('is on for the first seconds of every period, counted from start-up', () => {
    const startedAround = Date.now();
    const system = new BillingSystem({ ...settingsFrom({}), maintenanceEverySeconds: 60, maintenanceForSeconds: 20 });
    expect(system.inMaintenance(startedAround + 10_000)).toBe(true);
    expect(system.inMaintenance(startedAround + 30_000)).toBe(false);
    expect(system.inMaintenance(startedAround + 70_000)).toBe(true);
    void system.stop();
  });
});
