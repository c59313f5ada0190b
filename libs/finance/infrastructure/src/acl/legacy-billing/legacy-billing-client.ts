import { LegacyOutcome, LegacyReturnCodes, outcomeOf } from './legacy-errors';

/** A record the legacy system found by reference. */
export interface LegacyRecord {
  /** ACCNO, CONTRNO or CHGNO. */
  readonly number: string;
  /** A charge's STATUS: `RECEIVED` until the legacy system posts it, then `POSTED`. */
  readonly status?: string;
  readonly posted?: string;
}

/** A confirmation in the legacy journal. */
export interface LegacyJournalEntry {
  readonly SEQ: number;
  readonly EVT: string;
  readonly CHGNO: string;
  readonly TEXT: string;
  readonly POSTED: string;
}

export type LegacyAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly outcome: LegacyOutcome };

export interface LegacyBillingClientOptions {
  readonly baseUrl: string;
  /** How long one call may take before it counts as unavailable (its effect unknown). */
  readonly timeoutMs: number;
}

type Body = Record<string, unknown> & { RC?: unknown; MSG?: unknown };

/** Each record's own number (a Contract's row also names its Account, a charge's its Contract). */
const numberField = { accounts: 'ACCNO', contracts: 'CONTRNO', charges: 'CHGNO' } as const;

/**
 * The legacy billing system's HTTP API, and nothing of Finance: every answer is an RC in the body
 * (0 is success; HTTP 5xx and network failures are treated as unavailable, their effect unknown).
 */
export class LegacyBillingClient {
  constructor(private readonly options: LegacyBillingClientOptions) {}

  async create(kind: 'accounts' | 'contracts' | 'charges', body: Readonly<Record<string, string>>): Promise<LegacyAnswer<string>> {
    const answer = await this.call('POST', `/api/v1/${kind}`, body);
    if (!answer.ok) return answer;
    const number = answer.value[numberField[kind]];
    if (typeof number !== 'string') return { ok: false, outcome: { kind: 'unavailable', reason: 'answer without a number' } };
    return { ok: true, value: number };
  }

  /** The record carrying this reference (EXTREF for Accounts and Contracts, TEXT for charges), if any. */
  async find(kind: 'accounts' | 'contracts' | 'charges', reference: string): Promise<LegacyAnswer<LegacyRecord | undefined>> {
    const field = kind === 'charges' ? 'TEXT' : 'EXTREF';
    const answer = await this.call('GET', `/api/v1/${kind}?${field}=${encodeURIComponent(reference)}&OFFSET=0&LIMIT=10`);
    if (!answer.ok) return answer;
    const items = (answer.value['ITEMS'] ?? []) as Record<string, string>[];
    if (kind === 'charges' && items.length > 1) return { ok: false, outcome: { kind: 'refused', code: 'line_posted_twice', reason: `${items.length} charges carry ${reference}` } };
    const [item] = items;
    if (!item) return { ok: true, value: undefined };
    const number = item[numberField[kind]];
    if (!number) return { ok: false, outcome: { kind: 'unavailable', reason: 'record without a number' } };
    return { ok: true, value: { number, status: item['STATUS'], posted: item['POSTED'] } };
  }

  /** The journal of confirmations from `offset` on, oldest first. */
  async journal(offset: number, limit: number): Promise<LegacyAnswer<readonly LegacyJournalEntry[]>> {
    const answer = await this.call('GET', `/api/v1/journal?OFFSET=${offset}&LIMIT=${limit}`);
    if (!answer.ok) return answer;
    return { ok: true, value: (answer.value['ITEMS'] ?? []) as LegacyJournalEntry[] };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<LegacyAnswer<Body>> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      return { ok: false, outcome: { kind: 'unavailable', reason: `no answer: ${error instanceof Error ? error.message : String(error)}` } };
    }
    const parsed = (await response.json().catch(() => undefined)) as Body | undefined;
    const rc = typeof parsed?.RC === 'number' ? parsed.RC : undefined;
    const message = typeof parsed?.MSG === 'string' ? parsed.MSG : `HTTP ${response.status}`;
    if (response.status >= 500 || rc === undefined) return { ok: false, outcome: outcomeOf(rc ?? LegacyReturnCodes.SYSTEM_ERROR, message) };
    if (rc !== LegacyReturnCodes.OK || !parsed) return { ok: false, outcome: outcomeOf(rc, message) };
    return { ok: true, value: parsed };
  }
}
