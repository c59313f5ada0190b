import { Client } from 'pg';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { createTestDatabase, eventually, TestDatabase } from '@bazaar/platform-testing';
import { defaultFinanceSettings, FinanceSettings } from '../../finance-settings';
import { financeService } from '../../finance.service';
import { LegacyBillingProcess } from './legacy-billing-process';
import { legacyReference, toLegacyAmount } from './legacy-terms';

/*
 * Finance's subscriptions against the real legacy billing app, misbehaving: 30 % of calls fail
 * (half of the failed writes after booking, their answer lost), some confirmations come twice, a
 * maintenance window recurs, and the app is SIGKILLed mid-run and restarted. Every invoice line must
 * end up posted exactly once in the legacy database, and reconciliation empty once the failures stop.
 *
 * `npm run legacy-billing:trial` runs the full version (100 subscriptions, a 20 s window) through
 * the same spec: LEGACY_TRIAL_SUBSCRIPTIONS and LEGACY_TRIAL_MAINTENANCE_SECONDS.
 */
const subscriptions = Number(process.env['LEGACY_TRIAL_SUBSCRIPTIONS'] ?? 20);
const maintenanceSeconds = Number(process.env['LEGACY_TRIAL_MAINTENANCE_SECONDS'] ?? 5);
const periodMs = 4_000;
const trial = process.env['LEGACY_TRIAL_SUBSCRIPTIONS'] !== undefined;

interface SubscriptionJson {
  subscriptionId: string;
  invoices: { invoiceId: string; lines: number }[];
}

describe('Finance’s anticorruption layer, against a failing legacy billing system', () => {
  let legacyDatabase: TestDatabase;
  let legacy: LegacyBillingProcess;
  let legacySql: Client;
  let finance: ServiceUnderTest;

  beforeAll(async () => {
    legacyDatabase = await createTestDatabase('legacy_billing_test');
    legacy = await LegacyBillingProcess.start({
      // The legacy system owns its database and migrates it itself: it connects as the owner.
      DATABASE_URL: legacyDatabase.ownerUrl,
      LEGACY_FAILURE_RATE: '0.3',
      LEGACY_LATENCY_MS: '20',
      LEGACY_DUPLICATE_CONFIRMATION_RATE: '0.2',
      LEGACY_CONFIRMATION_DELAY_MS: '300',
      LEGACY_CONFIRMATION_INTERVAL_MS: '100',
      LEGACY_MAINTENANCE_EVERY_SECONDS: String(maintenanceSeconds * 3),
      LEGACY_MAINTENANCE_FOR_SECONDS: String(maintenanceSeconds),
    });
    legacySql = new Client({ connectionString: legacyDatabase.ownerUrl });
    await legacySql.connect();
    const settings: FinanceSettings = {
      subscriptions: { ...defaultFinanceSettings.subscriptions, periodMs, renewalIntervalMs: 200 },
      legacyBilling: {
        baseUrl: legacy.url,
        timeoutMs: 1_000,
        pollIntervalMs: 100,
        leaseMs: 5_000,
        // Longer than the app's latency (20 ms) and its processing: a lookup after it sees a lost attempt's booking.
        retryInitialMs: 300,
        retryMaxMs: 2_000,
        confirmationCheckMs: 3_000,
        batchSize: 50,
      },
    };
    // Two replicas share the queue and the journal.
    finance = await ServiceUnderTest.start((config) => financeService(config, settings), { instances: 2 });
  }, 60_000);

  afterAll(async () => {
    await finance?.stop();
    await legacySql?.end();
    await legacy?.stop();
    await legacyDatabase?.drop();
  });

  it('posts every invoice line exactly once, and reconciles everything once the failures stop', async () => {
    const started = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < subscriptions; i++) {
      const answer = await finance.post<SubscriptionJson>('/subscriptions', { sellerId: `seller-${i % Math.ceil(subscriptions / 2)}`, plan: i % 2 ? 'standard' : 'basic' });
      expect(answer.status).toBe(201);
      ids.push(answer.body.subscriptionId);
    }

    // Mid-run: half of them renewed once, the app killed and restarted, as misbehaving as before.
    await eventually(async () => expect(await finance.count(`seller_invoices`)).toBeGreaterThanOrEqual(subscriptions * 1.5), { timeoutMs: 60_000 });
    await legacy.kill();
    await legacy.restart();

    // Each renewed twice: three periods invoiced, then cancelled so no more follow.
    await eventually(
      async () => {
        for (const id of ids) expect((await finance.get<SubscriptionJson>(`/subscriptions/${id}`)).body.invoices.length).toBeGreaterThanOrEqual(3);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    for (const id of ids) expect((await finance.post(`/subscriptions/${id}/cancel`, {})).status).toBe(200);

    // Most lines go through the failures (and the restarted app's maintenance window) before they stop.
    const invoiceLines = await finance.count('seller_invoice_lines');
    await eventually(
      async () => expect(Number((await legacySql.query<{ n: string }>('SELECT count(*) AS n FROM CHARGES')).rows[0]?.n)).toBeGreaterThanOrEqual(invoiceLines * 0.6),
      {
        timeoutMs: 120_000,
        intervalMs: 500,
      },
    );

    // The failures stop.
    const failing = Date.now();
    await legacy.admin('/admin/faults', { FAILURE_RATE: 0 });
    await legacy.admin('/admin/maintenance', { MODE: 'OFF' });
    await eventually(async () => expect((await finance.get<{ invoices: unknown[] }>('/reconciliation')).body.invoices).toEqual([]), { timeoutMs: 60_000, intervalMs: 250 });
    const reconciledAfterMs = Date.now() - failing;

    // In the legacy system's own terms: one charge per invoice line, by its reference and amount.
    const { rows: lines } = await finance.query<{ invoice_id: string; line_no: number; amount: string; currency: string }>(
      'SELECT invoice_id, line_no, amount, currency FROM seller_invoice_lines',
    );
    const { rows: charges } = await legacySql.query<{ text: string; amount: string; status: string }>(`SELECT TEXT, AMOUNT::text AS amount, STATUS FROM CHARGES`);
    const byReference = new Map<string, { amount: string; status: string }[]>();
    for (const charge of charges) byReference.set(charge.text, [...(byReference.get(charge.text) ?? []), charge]);
    expect(charges).toHaveLength(lines.length);
    for (const line of lines) {
      const posted = byReference.get(legacyReference.charge(line.invoice_id, line.line_no)) ?? [];
      expect(posted).toEqual([{ text: expect.any(String), amount: toLegacyAmount({ amount: Number(line.amount), currency: line.currency }), status: 'P' }]);
    }
    const contracts = await legacySql.query<{ extref: string; n: string }>('SELECT EXTREF, count(*) AS n FROM CONTRACTS GROUP BY EXTREF');
    expect(contracts.rows).toHaveLength(subscriptions);
    expect(contracts.rows.every((row) => row.n === '1')).toBe(true);
    const accounts = await legacySql.query<{ n: string }>('SELECT count(*) AS n FROM ACCOUNTS GROUP BY EXTREF');
    expect(accounts.rows).toHaveLength(await finance.count('billing_accounts'));
    expect(accounts.rows.every((row) => row.n === '1')).toBe(true);

    // And the misbehaviour really happened: retries, duplicate confirmations.
    const [{ retried }] = (await finance.query<{ retried: number }>('SELECT count(*)::int AS retried FROM legacy_billing_requests WHERE attempts > 1')).rows as [
      { retried: number },
    ];
    const { rows: journal } = await legacySql.query<{ entries: string; charges: string }>('SELECT count(*) AS entries, count(DISTINCT CHGNO) AS charges FROM JOURNAL');
    expect(retried).toBeGreaterThan(0);
    expect(Number(journal[0]!.entries)).toBeGreaterThan(Number(journal[0]!.charges));
    expect(await finance.count('invoice_line_recordings')).toBe(lines.length);

    if (trial) {
      const { rows: attempts } = await finance.query<{ kind: string; attempts: number; requests: number }>(
        'SELECT kind, attempts, count(*)::int AS requests FROM legacy_billing_requests GROUP BY kind, attempts ORDER BY kind, attempts',
      );
      process.stdout.write(
        `${JSON.stringify({
          subscriptions,
          invoices: await finance.count('seller_invoices'),
          invoiceLines: lines.length,
          legacyCharges: charges.length,
          legacyContracts: contracts.rows.length,
          legacyAccounts: accounts.rows.length,
          requestsRetried: retried,
          sendsPerRequest: attempts.map(({ kind, attempts: sends, requests }) => `${kind}: ${requests} × ${sends}`),
          journalEntries: Number(journal[0]!.entries),
          duplicateConfirmations: Number(journal[0]!.entries) - Number(journal[0]!.charges),
          reconciledAfterFailuresStoppedMs: reconciledAfterMs,
          totalMs: Date.now() - started,
        })}\n`,
      );
    }
  }, 300_000);

  it('never sends again what the legacy system booked without answering: the lookup by reference finds it', async () => {
    // The next three writes (the Account, the Contract, the charge) book and then answer 500.
    await legacy.admin('/admin/faults', { FAILURE_RATE: 0, LOSE_NEXT_ANSWERS: 3 });
    const sellerId = 'seller-whose-answers-are-lost';
    const { body } = await finance.post<SubscriptionJson>('/subscriptions', { sellerId, plan: 'premium' });
    const [invoice] = body.invoices;

    await eventually(async () => expect((await finance.get<{ invoices: { invoiceId: string }[] }>('/reconciliation')).body.invoices).toEqual([]), { timeoutMs: 30_000 });

    const { rows: requests } = await finance.query<{ attempts: number; state: string }>(
      `SELECT attempts, state FROM legacy_billing_requests WHERE reference IN ($1, $2, $3) ORDER BY created_at, reference`,
      [
        legacyReference.account((await finance.query<{ id: string }>('SELECT id FROM billing_accounts WHERE seller_id = $1', [sellerId])).rows[0]!.id),
        legacyReference.contract(body.subscriptionId),
        legacyReference.charge(invoice!.invoiceId, 1),
      ],
    );
    // Each sent once, its answer lost, then found by its reference: confirmed without a second send.
    expect(requests).toEqual([
      { attempts: 1, state: 'confirmed' },
      { attempts: 1, state: 'confirmed' },
      { attempts: 1, state: 'confirmed' },
    ]);
    const charges = await legacySql.query('SELECT CHGNO FROM CHARGES WHERE TEXT = $1', [legacyReference.charge(invoice!.invoiceId, 1)]);
    expect(charges.rowCount).toBe(1);
    const lost = await legacy.admin('/admin/faults', {});
    expect(((await lost.json()) as { LOSE_NEXT_ANSWERS: number }).LOSE_NEXT_ANSWERS).toBe(0);
  }, 60_000);
});
