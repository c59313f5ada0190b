import { BillingAccount, BillingAccounts } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { LegacyBillingQueue } from '../acl/legacy-billing/legacy-billing-queue';

interface BillingAccountRow {
  readonly id: string;
  readonly seller_id: string;
  readonly billing_party: string;
  readonly payment_method_ref: string;
  readonly opened_at: Date;
  readonly version: number;
}

/** Billing accounts in PostgreSQL, one per seller (a unique seller id), with what the books of record must hear. */
export class TypeOrmBillingAccounts extends BillingAccounts {
  constructor(
    private readonly transactions: Transactions,
    private readonly legacyBilling: LegacyBillingQueue,
  ) {
    super();
  }

  async ofSeller(sellerId: string): Promise<BillingAccount | undefined> {
    const [row] = (await this.transactions.manager.query('SELECT id, seller_id, billing_party, payment_method_ref, opened_at, version FROM billing_accounts WHERE seller_id = $1', [
      sellerId,
    ])) as BillingAccountRow[];
    if (!row) return undefined;
    return BillingAccount.restore(
      { id: row.id, sellerId: row.seller_id, billingParty: row.billing_party, paymentMethodRef: row.payment_method_ref, openedAt: row.opened_at },
      row.version,
    );
  }

  async add(account: BillingAccount): Promise<void> {
    const { id, sellerId, billingParty, paymentMethodRef, openedAt } = account.snapshot;
    await this.transactions.run(async (manager) => {
      try {
        await manager.query('INSERT INTO billing_accounts (id, seller_id, billing_party, payment_method_ref, opened_at, version) VALUES ($1, $2, $3, $4, $5, 1)', [
          id,
          sellerId,
          billingParty,
          paymentMethodRef,
          openedAt,
        ]);
      } catch (error) {
        if (isUniqueViolation(error, 'billing_accounts_seller_id_key')) throw new ConcurrencyConflict('Billing account of seller', sellerId);
        throw error;
      }
      await this.legacyBilling.enqueue(manager, account.pendingEvents);
    });
  }
}
