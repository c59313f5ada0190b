import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool, PoolClient } from 'pg';
import { formatDate, parseDate, RC } from './legacy-format';
import { migrations } from './migrations';
import { LegacyBillingSettings } from './config';

type Json = Record<string, unknown>;
type Reply = { status: number; body: Json };
type MaintenanceMode = 'AUTO' | 'ON' | 'OFF';

const ok = (body: Json = {}): Reply => ({ status: 200, body: { RC: RC.OK, ...body } });
// The old API answers business errors with HTTP 200 and a return code.
const rc = (code: number, message: string): Reply => ({ status: 200, body: { RC: code, MSG: message } });
const DECIMAL = /^\d{1,10}\.\d{2}$/;

/**
 * The billing system: Accounts, Contracts under them, and charges (by ChargeCode) on Contracts,
 * confirmed later in its journal. It has no idempotency: every POST books a new record. It fails
 * as configured (latency, errors before or after booking, duplicate confirmations, maintenance).
 */
export class BillingSystem {
  readonly #pool: Pool;
  #server: Server | undefined;
  #confirmer: NodeJS.Timeout | undefined;
  #confirming: Promise<void> | undefined;
  #maintenance: MaintenanceMode = 'AUTO';
  #stopped = false;
  /** The maintenance windows count from here: the first one opens as the system starts. */
  readonly #startedAt = Date.now();
  #faults: { latencyMs: number; failureRate: number; duplicateConfirmationRate: number };
  /** The next n writes book and then answer 500: the answer is lost, the record is there. */
  #loseNextAnswers = 0;

  constructor(
    private readonly settings: LegacyBillingSettings,
    /** Dice: one for each call's fate, one for each confirmation's (tests load them). */
    private readonly dice: { readonly call: () => number; readonly confirmation: () => number } = { call: Math.random, confirmation: Math.random },
  ) {
    const { latencyMs, failureRate, duplicateConfirmationRate } = settings;
    this.#faults = { latencyMs, failureRate, duplicateConfirmationRate };
    this.#pool = new Pool({ connectionString: settings.databaseUrl, max: 8, application_name: 'legacy-billing' });
  }

  async start(): Promise<number> {
    await this.migrate();
    const server = createServer((request, response) => void this.serve(request, response));
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(this.settings.port, '0.0.0.0', resolve));
    this.scheduleConfirmations();
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#confirmer);
    await this.#confirming;
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
    await this.#pool.end();
  }

  /** Applies the schema and closes the pool. */
  async migrateOnly(): Promise<void> {
    try {
      await this.migrate();
    } finally {
      await this.#pool.end();
    }
  }

  private async migrate(): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('CREATE TABLE IF NOT EXISTS SCHEMA_VERSION (VERSION integer PRIMARY KEY, APPLIED timestamp NOT NULL)');
      await client.query('SELECT pg_advisory_lock(5005)');
      const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(VERSION), 0) AS version FROM SCHEMA_VERSION');
      for (const migration of migrations.filter((m) => m.version > (rows[0]?.version ?? 0))) {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query('INSERT INTO SCHEMA_VERSION VALUES ($1, now())', [migration.version]);
        await client.query('COMMIT');
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(5005)').catch(() => undefined);
      client.release();
    }
  }

  inMaintenance(now = Date.now()): boolean {
    if (this.#maintenance !== 'AUTO') return this.#maintenance === 'ON';
    const { maintenanceEverySeconds: every, maintenanceForSeconds: length } = this.settings;
    return every > 0 && length > 0 && ((now - this.#startedAt) / 1000) % every < length;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await this.route(request);
    } catch (error) {
      reply = { status: 500, body: { RC: RC.SYSTEM_ERROR, MSG: `SYSTEM ERROR ${error instanceof Error ? error.message : String(error)}` } };
    }
    response.writeHead(reply.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(reply.body));
  }

  private async route(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', 'http://legacy');
    const path = url.pathname;
    if (path === '/health/live') return { status: 200, body: { status: 'ok' } };
    if (path === '/health/ready') return this.ready();
    if (path === '/admin/maintenance') return this.maintenance(request);
    if (path === '/admin/faults') return this.faults(request);
    if (!path.startsWith('/api/v1/')) return { status: 404, body: { RC: RC.FIELD_MISSING, MSG: 'NO SUCH FUNCTION' } };

    if (this.#faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.dice.call() * this.#faults.latencyMs));
    if (this.inMaintenance()) return { status: 503, body: { RC: RC.MAINTENANCE, MSG: 'MAINTENANCE' } };
    const losing = request.method === 'POST' && this.#loseNextAnswers > 0;
    if (losing) this.#loseNextAnswers--;
    const failing = losing || (this.#faults.failureRate > 0 && this.dice.call() < this.#faults.failureRate);
    const afterBooking = losing || (failing && this.dice.call() < 0.5);
    if (failing && (request.method !== 'POST' || !afterBooking)) return { status: request.method === 'POST' ? 500 : 503, body: { RC: RC.SYSTEM_ERROR, MSG: 'SYSTEM ERROR' } };

    const reply = await this.api(request.method ?? 'GET', path, url.searchParams, request);
    // The booking is done, but the answer never makes it out.
    if (afterBooking) return { status: 500, body: { RC: RC.SYSTEM_ERROR, MSG: 'SYSTEM ERROR' } };
    return reply;
  }

  private async api(method: string, path: string, query: URLSearchParams, request: IncomingMessage): Promise<Reply> {
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /api/v1/accounts':
        return this.openAccount(await bodyOf(request));
      case 'POST /api/v1/contracts':
        return this.createContract(await bodyOf(request));
      case 'POST /api/v1/charges':
        return this.postCharge(await bodyOf(request));
      case 'GET /api/v1/accounts':
        return this.list('SELECT ACCNO, EXTREF, NAME, OPENED FROM ACCOUNTS', 'EXTREF', 'ACCNO', query);
      case 'GET /api/v1/contracts':
        return this.list('SELECT CONTRNO, ACCNO, EXTREF, PRODUCT, START FROM CONTRACTS', 'EXTREF', 'CONTRNO', query);
      case 'GET /api/v1/charges':
        return this.list(
          `SELECT CHGNO, CONTRNO, CHGCODE, to_char(AMOUNT, 'FM9999999990.00') AS AMOUNT, CURR, VALDATE, TEXT,
                  CASE STATUS WHEN 'P' THEN 'POSTED' ELSE 'RECEIVED' END AS STATUS, RECEIVED, POSTED FROM CHARGES`,
          'TEXT',
          'CHGNO',
          query,
        );
      case 'GET /api/v1/journal':
        return this.journal(query);
      default:
        return { status: 404, body: { RC: RC.FIELD_MISSING, MSG: 'NO SUCH FUNCTION' } };
    }
  }

  private async ready(): Promise<Reply> {
    try {
      await this.#pool.query('SELECT 1');
      return { status: 200, body: { status: 'ok' } };
    } catch {
      return { status: 503, body: { status: 'error' } };
    }
  }

  private async maintenance(request: IncomingMessage): Promise<Reply> {
    if (request.method === 'POST') {
      const mode = (await bodyOf(request))['MODE'];
      if (mode !== 'ON' && mode !== 'OFF' && mode !== 'AUTO') return rc(RC.FIELD_MISSING, 'MODE MUST BE ON, OFF OR AUTO');
      this.#maintenance = mode;
    }
    return ok({ MODE: this.#maintenance, ACTIVE: this.inMaintenance() });
  }

  /** The operator's knobs: LATENCY_MS, FAILURE_RATE, DUPLICATE_RATE, LOSE_NEXT_ANSWERS (tests set and clear failures with them). */
  private async faults(request: IncomingMessage): Promise<Reply> {
    if (request.method === 'POST') {
      const body = await bodyOf(request);
      const rate = (value: unknown, fallback: number) => (typeof value === 'number' && value >= 0 && value <= 1 ? value : fallback);
      const faults = this.#faults;
      this.#faults = {
        latencyMs: typeof body['LATENCY_MS'] === 'number' && body['LATENCY_MS'] >= 0 ? body['LATENCY_MS'] : faults.latencyMs,
        failureRate: rate(body['FAILURE_RATE'], faults.failureRate),
        duplicateConfirmationRate: rate(body['DUPLICATE_RATE'], faults.duplicateConfirmationRate),
      };
      const lose = body['LOSE_NEXT_ANSWERS'];
      if (typeof lose === 'number' && Number.isInteger(lose) && lose >= 0) this.#loseNextAnswers = lose;
    }
    const { latencyMs, failureRate, duplicateConfirmationRate } = this.#faults;
    return ok({ LATENCY_MS: latencyMs, FAILURE_RATE: failureRate, DUPLICATE_RATE: duplicateConfirmationRate, LOSE_NEXT_ANSWERS: this.#loseNextAnswers });
  }

  private async openAccount(body: Json): Promise<Reply> {
    const { EXTREF, NAME, PAYREF } = body;
    if (!text(EXTREF, 40) || !text(NAME, 60) || !text(PAYREF, 80)) return rc(RC.FIELD_MISSING, 'EXTREF, NAME, PAYREF REQUIRED');
    const { rows } = await this.#pool.query<{ accno: string }>(
      `INSERT INTO ACCOUNTS VALUES ('A' || lpad(nextval('ACCNO_SEQ')::text, 7, '0'), $1, $2, $3, now() AT TIME ZONE 'UTC') RETURNING ACCNO`,
      [EXTREF, NAME, PAYREF],
    );
    return ok({ ACCNO: rows[0]?.accno });
  }

  private async createContract(body: Json): Promise<Reply> {
    const { ACCNO, EXTREF, PRODUCT } = body;
    const start = parseDate(body['START']);
    if (!text(ACCNO, 10) || !text(EXTREF, 40) || !text(PRODUCT, 12) || !start) return rc(RC.FIELD_MISSING, 'ACCNO, EXTREF, PRODUCT, START (DD.MM.YYYY HH:MM) REQUIRED');
    const { rows } = await this.#pool.query<{ contrno: string }>(
      `INSERT INTO CONTRACTS SELECT 'C' || lpad(nextval('CONTRNO_SEQ')::text, 7, '0'), ACCNO, $2, $3, $4, now() AT TIME ZONE 'UTC' FROM ACCOUNTS WHERE ACCNO = $1 RETURNING CONTRNO`,
      [ACCNO, EXTREF, PRODUCT, start],
    );
    if (!rows[0]) return rc(RC.ACCOUNT_UNKNOWN, 'ACCOUNT UNKNOWN');
    return ok({ CONTRNO: rows[0].contrno });
  }

  private async postCharge(body: Json): Promise<Reply> {
    const { CONTRNO, CHGCODE, AMOUNT, CURR, TEXT } = body;
    const valueDate = parseDate(body['VALDATE']);
    if (!text(CONTRNO, 10) || !text(CHGCODE, 8) || !text(CURR, 3) || !text(TEXT, 60) || !valueDate)
      return rc(RC.FIELD_MISSING, 'CONTRNO, CHGCODE, AMOUNT, CURR, VALDATE, TEXT REQUIRED');
    if (typeof AMOUNT !== 'string' || !DECIMAL.test(AMOUNT)) return rc(RC.AMOUNT_FORMAT, 'AMOUNT FORMAT 0.00');
    const known = await this.#pool.query('SELECT 1 FROM CHARGE_CODES WHERE CHGCODE = $1', [CHGCODE]);
    if (known.rowCount === 0) return rc(RC.CHGCODE_UNKNOWN, 'CHARGE CODE UNKNOWN');
    const { rows } = await this.#pool.query<{ chgno: string }>(
      `INSERT INTO CHARGES (CHGNO, CONTRNO, CHGCODE, AMOUNT, CURR, VALDATE, TEXT, RECEIVED)
       SELECT 'G' || lpad(nextval('CHGNO_SEQ')::text, 9, '0'), CONTRNO, $2, $3::numeric, $4, $5, $6, clock_timestamp() AT TIME ZONE 'UTC'
         FROM CONTRACTS WHERE CONTRNO = $1 RETURNING CHGNO`,
      [CONTRNO, CHGCODE, AMOUNT, CURR, valueDate, TEXT],
    );
    const [row] = rows;
    if (!row) return rc(RC.CONTRACT_UNKNOWN, 'CONTRACT UNKNOWN');
    return ok({ CHGNO: row.chgno, STATUS: 'RECEIVED' });
  }

  /** Old-style paging: OFFSET and LIMIT (at most 100), TOTAL the full count; optional filter on one column. */
  private async list(select: string, filterColumn: string, orderColumn: string, query: URLSearchParams): Promise<Reply> {
    const offset = Math.max(0, Number(query.get('OFFSET') ?? 0) || 0);
    const limit = Math.min(100, Math.max(1, Number(query.get('LIMIT') ?? 20) || 20));
    const filter = query.get(filterColumn);
    const where = filter === null ? '' : ` WHERE ${filterColumn} = $1`;
    const filters = filter === null ? [] : [filter];
    const { rows } = await this.#pool.query<Json>(`${select}${where} ORDER BY ${orderColumn} LIMIT $${filters.length + 1} OFFSET $${filters.length + 2}`, [
      ...filters,
      limit,
      offset,
    ]);
    const total = await this.#pool.query<{ n: string }>(`SELECT count(*) AS n FROM (${select}${where}) x`, filters);
    return ok({ TOTAL: Number(total.rows[0]?.n ?? 0), OFFSET: offset, ITEMS: rows.map(upperCaseKeys) });
  }

  private async journal(query: URLSearchParams): Promise<Reply> {
    const offset = Math.max(0, Number(query.get('OFFSET') ?? 0) || 0);
    const limit = Math.min(500, Math.max(1, Number(query.get('LIMIT') ?? 100) || 100));
    const { rows } = await this.#pool.query<Json>(
      `SELECT j.SEQ, j.EVT, j.CHGNO, c.CONTRNO, c.TEXT, to_char(c.AMOUNT, 'FM9999999990.00') AS AMOUNT, c.CURR, c.POSTED
         FROM JOURNAL j JOIN CHARGES c ON c.CHGNO = j.CHGNO ORDER BY j.SEQ LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return ok({ OFFSET: offset, ITEMS: rows.map(upperCaseKeys) });
  }

  /**
   * The overnight batch, run every few hundred milliseconds: charges received long enough ago are
   * posted and a CHARGE_POSTED written to the journal (sometimes twice). One batch at a time, so
   * the journal's order is the order of its commits.
   */
  private scheduleConfirmations(): void {
    if (this.#stopped) return;
    this.#confirmer = setTimeout(() => {
      this.#confirming = this.confirmDue()
        .catch(() => undefined)
        .finally(() => this.scheduleConfirmations());
    }, this.settings.confirmationIntervalMs);
  }

  private async confirmDue(): Promise<void> {
    if (this.inMaintenance()) return;
    const client: PoolClient = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE JOURNAL IN EXCLUSIVE MODE');
      const { rows } = await client.query<{ chgno: string }>(
        `UPDATE CHARGES SET STATUS = 'P', POSTED = now() AT TIME ZONE 'UTC'
          WHERE CHGNO IN (SELECT CHGNO FROM CHARGES WHERE STATUS = 'R' AND RECEIVED <= (now() AT TIME ZONE 'UTC') - make_interval(secs => $1::float / 1000) ORDER BY CHGNO LIMIT 200)
          RETURNING CHGNO`,
        [this.settings.confirmationDelayMs],
      );
      for (const { chgno } of rows.sort((a, b) => a.chgno.localeCompare(b.chgno))) {
        const times = this.#faults.duplicateConfirmationRate > 0 && this.dice.confirmation() < this.#faults.duplicateConfirmationRate ? 2 : 1;
        for (let i = 0; i < times; i++) await client.query(`INSERT INTO JOURNAL (EVT, CHGNO, BOOKED) VALUES ('CHARGE_POSTED', $1, now() AT TIME ZONE 'UTC')`, [chgno]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function text(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}

function upperCaseKeys(row: Json): Json {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.toUpperCase(), value instanceof Date ? formatDate(value) : value]));
}

async function bodyOf(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) return {};
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : {};
  } catch {
    return {};
  }
}
