import { Transactions } from '@bazaar/platform-database';
import { Clock } from '@bazaar/shared-kernel';
import { LegacyBillingClient, LegacyRecord } from './legacy-billing-client';
import { LegacyOutcome } from './legacy-errors';
import { LegacyRequestKind } from './legacy-billing-queue';
import { LegacyBillingConfirmations } from './legacy-billing-confirmations';

export interface LegacyBillingDispatchSettings {
  /** How long a replica holds a request it took; longer than a call's timeout, so no two replicas send one request at once. */
  readonly leaseMs: number;
  /**
   * The first wait after a failed attempt, doubling up to `retryMaxMs`. It must exceed the longest
   * the legacy system takes to act on a call Finance gave up on, so the lookup that precedes the
   * next attempt sees that call's effect.
   */
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  /** How long after acceptance a charge waits for its journal confirmation before Finance asks for it by reference. */
  readonly confirmationCheckMs: number;
  readonly batchSize: number;
}

interface RequestRow {
  readonly reference: string;
  readonly kind: LegacyRequestKind;
  readonly state: 'pending' | 'sent' | 'accepted';
  readonly body: Record<string, string>;
  readonly attempts: number;
  readonly invoice_id: string | null;
  readonly line_no: number | null;
  readonly dependency_number: string | null;
}

const resource = { open_account: 'accounts', create_contract: 'contracts', post_charge: 'charges' } as const;

/**
 * Sends the queued requests to the legacy system, exactly once each although it has no idempotency
 * of its own. A request is marked `sent` (committed) before each attempt; a request found `sent` may
 * have been booked by an attempt whose answer was lost, so it is first looked up by its unique
 * reference and only sent again when the legacy system has no record carrying it. Replicas share
 * the queue: each takes a batch nobody holds (`FOR UPDATE SKIP LOCKED`) and leases it.
 */
export class LegacyBillingDispatcher {
  constructor(
    private readonly transactions: Transactions,
    private readonly client: LegacyBillingClient,
    private readonly confirmations: LegacyBillingConfirmations,
    private readonly clock: Clock,
    private readonly settings: LegacyBillingDispatchSettings,
  ) {}

  /** One batch; answers how many requests it handled (whatever their outcome). */
  async dispatchOnce(): Promise<number> {
    const requests = await this.claim();
    for (const request of requests) await this.handle(request);
    return requests.length;
  }

  private async claim(): Promise<RequestRow[]> {
    const now = this.clock.now();
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows] = (await this.transactions.run((manager) =>
      manager.query(
        `UPDATE legacy_billing_requests r SET leased_until = $1::timestamptz + make_interval(secs => $2::float / 1000)
          WHERE r.reference IN (
            SELECT q.reference FROM legacy_billing_requests q
              LEFT JOIN legacy_billing_requests d ON d.reference = q.depends_on
             WHERE q.state IN ('pending', 'sent', 'accepted') AND q.next_attempt_at <= $1 AND (q.leased_until IS NULL OR q.leased_until <= $1)
               AND (q.depends_on IS NULL OR d.state IN ('accepted', 'confirmed'))
             ORDER BY q.next_attempt_at, q.created_at, q.reference
             LIMIT $3
             FOR UPDATE OF q SKIP LOCKED)
          RETURNING r.reference, r.kind, r.state, r.body, r.attempts, r.invoice_id, r.line_no,
                    (SELECT d.legacy_number FROM legacy_billing_requests d WHERE d.reference = r.depends_on) AS dependency_number`,
        [now, this.settings.leaseMs, this.settings.batchSize],
      ),
    )) as [RequestRow[], number];
    return rows;
  }

  private async handle(request: RequestRow): Promise<void> {
    if (request.state !== 'pending') {
      // An earlier attempt may have been booked: the legacy system's record by our reference decides.
      const found = await this.client.find(resource[request.kind], request.reference);
      if (!found.ok) return this.retryLater(request, found.outcome);
      if (found.value) return this.found(request, found.value);
      if (request.state === 'accepted') return this.retryLater(request, { kind: 'unavailable', reason: 'accepted, yet no record carries the reference' });
    }
    await this.markSent(request);
    const answer = await this.client.create(resource[request.kind], this.bodyOf(request));
    if (!answer.ok) return this.retryLater(request, answer.outcome);
    await this.accepted(request, answer.value);
  }

  private bodyOf(request: RequestRow): Record<string, string> {
    if (request.kind === 'create_contract') return { ...request.body, ACCNO: request.dependency_number ?? '' };
    if (request.kind === 'post_charge') return { ...request.body, CONTRNO: request.dependency_number ?? '' };
    return request.body;
  }

  private async found(request: RequestRow, record: LegacyRecord): Promise<void> {
    if (request.kind === 'post_charge' && record.status === 'POSTED' && record.posted) {
      await this.confirmations.confirm({ reference: request.reference, chargeNumber: record.number, posted: record.posted });
      return;
    }
    await this.accepted(request, record.number);
  }

  private markSent(request: RequestRow): Promise<unknown> {
    return this.transactions.run((manager) =>
      manager.query(`UPDATE legacy_billing_requests SET state = 'sent', attempts = attempts + 1 WHERE reference = $1 AND state IN ('pending', 'sent')`, [request.reference]),
    );
  }

  /** Accounts and Contracts are done once numbered; a charge waits for its confirmation (journal, or a lookup after `confirmationCheckMs`). */
  private async accepted(request: RequestRow, number: string): Promise<void> {
    const next = new Date(this.clock.now().getTime() + this.settings.confirmationCheckMs);
    await this.transactions.run((manager) =>
      manager.query(
        `UPDATE legacy_billing_requests
            SET state = CASE WHEN kind = 'post_charge' THEN 'accepted' ELSE 'confirmed' END,
                confirmed_at = CASE WHEN kind = 'post_charge' THEN NULL ELSE $3::timestamptz END,
                legacy_number = $2, last_error = NULL, leased_until = NULL, next_attempt_at = $4
          WHERE reference = $1 AND state <> 'confirmed'`,
        [request.reference, number, this.clock.now(), next],
      ),
    );
  }

  private async retryLater(request: RequestRow, outcome: LegacyOutcome): Promise<void> {
    const now = this.clock.now();
    if (outcome.kind === 'refused') {
      await this.transactions.run((manager) =>
        manager.query(`UPDATE legacy_billing_requests SET state = 'rejected', last_error = $2, leased_until = NULL WHERE reference = $1 AND state <> 'confirmed'`, [
          request.reference,
          `${outcome.code}: ${outcome.reason}`,
        ]),
      );
      return;
    }
    const { retryInitialMs, retryMaxMs, confirmationCheckMs } = this.settings;
    const wait = request.state === 'accepted' ? confirmationCheckMs : Math.min(retryMaxMs, retryInitialMs * 2 ** Math.min(20, Math.max(0, request.attempts - 1)));
    await this.transactions.run((manager) =>
      manager.query(`UPDATE legacy_billing_requests SET next_attempt_at = $2, last_error = $3, leased_until = NULL WHERE reference = $1 AND state <> 'confirmed'`, [
        request.reference,
        new Date(now.getTime() + wait),
        outcome.reason.slice(0, 500),
      ]),
    );
  }
}
