import { RecordInvoiceLineHandler } from '@bazaar/finance-application';
import { Transactions } from '@bazaar/platform-database';
import { JsonLogger } from '@bazaar/platform-service';
import { LegacyBillingClient } from './legacy-billing-client';
import { fromLegacyDate } from './legacy-terms';

/** A legacy ChargePosted: the charge carrying `reference` was posted as `chargeNumber`, at `posted` (legacy date). */
export interface ConfirmedCharge {
  readonly reference: string;
  readonly chargeNumber: string;
  readonly posted: string;
}

/**
 * The legacy system's confirmations, as Finance's InvoiceLineRecorded. It confirms charges
 * asynchronously in its journal (read by offset, one replica at a time: the cursor row is taken
 * with SKIP LOCKED), sometimes twice; a charge found posted by a lookup counts the same. Each
 * confirmation marks the request confirmed and records the invoice line, in one transaction with
 * the cursor's advance; a second one changes nothing.
 */
export class LegacyBillingConfirmations {
  constructor(
    private readonly transactions: Transactions,
    private readonly client: LegacyBillingClient,
    private readonly recordLine: RecordInvoiceLineHandler,
    private readonly logger: JsonLogger,
    private readonly pageSize = 200,
  ) {}

  /** Reads one page of the journal; answers how many entries it took (0: nothing new, or another replica is reading). */
  readJournalOnce(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const [cursor] = (await manager.query(`SELECT position FROM legacy_billing_journal WHERE feed = 'charges' FOR UPDATE SKIP LOCKED`)) as { position: number }[];
      if (!cursor) return 0;
      const page = await this.client.journal(cursor.position, this.pageSize);
      if (!page.ok) {
        this.logger.debug({ msg: 'legacy billing journal unavailable', reason: page.outcome.reason });
        return 0;
      }
      for (const entry of page.value) {
        if (entry.EVT === 'CHARGE_POSTED') await this.confirm({ reference: entry.TEXT, chargeNumber: entry.CHGNO, posted: entry.POSTED });
      }
      await manager.query(`UPDATE legacy_billing_journal SET position = position + $1 WHERE feed = 'charges'`, [page.value.length]);
      return page.value.length;
    });
  }

  /** One ChargePosted, however often it is heard. */
  confirm(charge: ConfirmedCharge): Promise<void> {
    return this.transactions.run(async (manager) => {
      const [request] = (await manager.query(`SELECT invoice_id, line_no, legacy_number FROM legacy_billing_requests WHERE reference = $1 AND kind = 'post_charge' FOR UPDATE`, [
        charge.reference,
      ])) as { invoice_id: string; line_no: number; legacy_number: string | null }[];
      if (!request) return; // a charge someone else posted in the legacy system
      if (request.legacy_number !== null && request.legacy_number !== charge.chargeNumber) {
        this.logger.error({ msg: 'legacy billing posted one invoice line as two charges', reference: charge.reference, charges: [request.legacy_number, charge.chargeNumber] });
      }
      const recordedAt = fromLegacyDate(charge.posted);
      await manager.query(
        `UPDATE legacy_billing_requests SET state = 'confirmed', legacy_number = coalesce(legacy_number, $2), confirmed_at = $3, last_error = NULL, leased_until = NULL
          WHERE reference = $1 AND state <> 'confirmed'`,
        [charge.reference, charge.chargeNumber, recordedAt],
      );
      await this.recordLine.execute({ invoiceId: request.invoice_id, lineNo: request.line_no, externalReference: charge.chargeNumber, recordedAt });
    });
  }
}
