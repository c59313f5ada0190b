import { BillingAccountEvent, SellerInvoiceEvent, SubscriptionEvent } from '@bazaar/finance-domain';
import { assertNever } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { legacyReference, SUBSCRIPTION_FEE_CHARGE_CODE, toLegacyAmount, toLegacyDate, toLegacyProduct } from './legacy-terms';

/** The Finance facts the legacy billing system must hear of. */
export type LegacyBillingFact = BillingAccountEvent | SubscriptionEvent | SellerInvoiceEvent;

export type LegacyRequestKind = 'open_account' | 'create_contract' | 'post_charge';

/** One request to the legacy system, in its words, as queued. */
export interface LegacyRequest {
  readonly reference: string;
  readonly kind: LegacyRequestKind;
  /** The request whose legacy number this one needs (the Account of a Contract, the Contract of a charge). */
  readonly dependsOn: string | null;
  readonly invoiceId: string | null;
  readonly lineNo: number | null;
  readonly body: Readonly<Record<string, string>>;
  readonly at: Date;
}

/**
 * Finance's facts as legacy requests: a billing account opened → open an Account; a subscription
 * started → create its Contract under the seller's Account; a seller invoice issued → post each
 * line as a charge on the subscription's Contract. Renewals and cancellations need no request:
 * each renewal's invoice is what is posted, and a cancelled subscription simply issues no more.
 */
export function toLegacyRequests(fact: LegacyBillingFact, billingAccountOfSeller: (sellerId: string) => string): LegacyRequest[] {
  switch (fact.type) {
    case 'BillingAccountOpened':
      return [
        {
          reference: legacyReference.account(fact.billingAccountId),
          kind: 'open_account',
          dependsOn: null,
          invoiceId: null,
          lineNo: null,
          body: { EXTREF: legacyReference.account(fact.billingAccountId), NAME: fact.billingParty.slice(0, 60), PAYREF: fact.paymentMethodRef },
          at: fact.occurredAt,
        },
      ];
    case 'SubscriptionStarted':
      return [
        {
          reference: legacyReference.contract(fact.subscriptionId),
          kind: 'create_contract',
          dependsOn: legacyReference.account(billingAccountOfSeller(fact.sellerId)),
          invoiceId: null,
          lineNo: null,
          body: { EXTREF: legacyReference.contract(fact.subscriptionId), PRODUCT: toLegacyProduct(fact.plan), START: toLegacyDate(fact.period.start) },
          at: fact.occurredAt,
        },
      ];
    case 'SubscriptionRenewed':
    case 'SubscriptionCancelled':
      return [];
    case 'SellerInvoiceIssued': {
      const { id, subscriptionId, period, lines } = fact.content;
      return lines.map((line) => ({
        reference: legacyReference.charge(id, line.lineNo),
        kind: 'post_charge' as const,
        dependsOn: legacyReference.contract(subscriptionId),
        invoiceId: id,
        lineNo: line.lineNo,
        body: {
          CHGCODE: SUBSCRIPTION_FEE_CHARGE_CODE,
          AMOUNT: toLegacyAmount(line.amount),
          CURR: line.amount.currency,
          VALDATE: toLegacyDate(period.start),
          TEXT: legacyReference.charge(id, line.lineNo),
        },
        at: fact.occurredAt,
      }));
    }
    default:
      return assertNever(fact);
  }
}

/**
 * Queues the legacy requests Finance's facts call for, in the caller's transaction: the request is
 * durable exactly when the business change is. A reference is queued once (a second enqueue of the
 * same fact adds nothing).
 */
export class LegacyBillingQueue {
  async enqueue(manager: EntityManager, facts: readonly LegacyBillingFact[]): Promise<void> {
    if (facts.length === 0) return;
    const sellers = [...new Set(facts.flatMap((fact) => (fact.type === 'SubscriptionStarted' ? [fact.sellerId] : [])))];
    const accounts = new Map<string, string>();
    if (sellers.length > 0) {
      const rows = (await manager.query('SELECT seller_id, id FROM billing_accounts WHERE seller_id = ANY($1::text[])', [sellers])) as { seller_id: string; id: string }[];
      for (const row of rows) accounts.set(row.seller_id, row.id);
    }
    const accountOf = (sellerId: string) => {
      const account = accounts.get(sellerId);
      if (!account) throw new Error(`Seller ${sellerId} has no billing account to bill the subscription to`);
      return account;
    };
    for (const request of facts.flatMap((fact) => toLegacyRequests(fact, accountOf))) {
      await manager.query(
        `INSERT INTO legacy_billing_requests (reference, kind, depends_on, invoice_id, line_no, body, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $7) ON CONFLICT (reference) DO NOTHING`,
        [request.reference, request.kind, request.dependsOn, request.invoiceId, request.lineNo, JSON.stringify(request.body), request.at],
      );
    }
  }
}
