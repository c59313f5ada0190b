import {
  BillingAccount,
  BillingAccounts,
  BillingAccountSnapshot,
  invoiceNumber,
  InvoiceNumber,
  SellerInvoice,
  SellerInvoiceContent,
  SellerInvoiceNumbers,
  SellerInvoices,
  Subscription,
  SubscriptionNotFound,
  Subscriptions,
  SubscriptionSnapshot,
} from '@bazaar/finance-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { Transactional } from '@bazaar/shared-kernel/testing';

interface Books {
  subscriptions: Map<string, { snapshot: SubscriptionSnapshot; version: number }>;
  accounts: Map<string, BillingAccountSnapshot>;
  invoices: SellerInvoiceContent[];
  lastNumber: Map<number, number>;
  events: string[];
}

/** Subscriptions, billing accounts and seller invoices in memory, rolled back with the unit of work, as the real tables are. */
export class InMemorySubscriptionBooks implements Transactional {
  #books: Books = { subscriptions: new Map(), accounts: new Map(), invoices: [], lastNumber: new Map(), events: [] };

  readonly subscriptions: Subscriptions;
  readonly accounts: BillingAccounts;
  readonly invoices: SellerInvoices;
  readonly numbers: SellerInvoiceNumbers;

  constructor() {
    const books = () => this.#books;
    this.subscriptions = new (class extends Subscriptions {
      async get(id: string): Promise<Subscription> {
        const row = books().subscriptions.get(id);
        if (!row) throw new SubscriptionNotFound(id);
        return Subscription.restore(row.snapshot, row.version);
      }
      async nextDue(now: Date): Promise<Subscription | undefined> {
        for (const row of books().subscriptions.values()) {
          const subscription = Subscription.restore(row.snapshot, row.version);
          if (subscription.isDue(now)) return subscription;
        }
        return undefined;
      }
      async save(subscription: Subscription): Promise<void> {
        const stored = books().subscriptions.get(subscription.id);
        if ((stored?.version ?? 0) !== subscription.version) throw new ConcurrencyConflict('Subscription', subscription.id);
        books().subscriptions.set(subscription.id, { snapshot: subscription.snapshot(), version: subscription.version + 1 });
        books().events.push(...subscription.pendingEvents.map((event) => event.type));
      }
    })();
    this.accounts = new (class extends BillingAccounts {
      async ofSeller(sellerId: string): Promise<BillingAccount | undefined> {
        const snapshot = [...books().accounts.values()].find((account) => account.sellerId === sellerId);
        return snapshot && BillingAccount.restore(snapshot, 1);
      }
      async add(account: BillingAccount): Promise<void> {
        if ([...books().accounts.values()].some((other) => other.sellerId === account.snapshot.sellerId))
          throw new ConcurrencyConflict('Billing account of seller', account.snapshot.sellerId);
        books().accounts.set(account.id, account.snapshot);
        books().events.push(...account.pendingEvents.map((event) => event.type));
      }
    })();
    this.invoices = new (class extends SellerInvoices {
      async add(invoice: SellerInvoice): Promise<void> {
        const { subscriptionId, period } = invoice.content;
        if (books().invoices.some((other) => other.subscriptionId === subscriptionId && other.period.start.getTime() === period.start.getTime())) {
          throw new ConcurrencyConflict('Invoice of period', subscriptionId);
        }
        books().invoices.push(invoice.content);
        books().events.push(...invoice.pendingEvents.map((event) => event.type));
      }
    })();
    this.numbers = new (class extends SellerInvoiceNumbers {
      async next(year: number): Promise<InvoiceNumber> {
        const sequence = (books().lastNumber.get(year) ?? 0) + 1;
        books().lastNumber.set(year, sequence);
        return invoiceNumber(year, sequence);
      }
    })();
  }

  get issuedInvoices(): readonly SellerInvoiceContent[] {
    return this.#books.invoices;
  }

  /** The types of every event written, in order (what the outbox would hold). */
  get events(): readonly string[] {
    return this.#books.events;
  }

  snapshot(): () => void {
    const { subscriptions, accounts, invoices, lastNumber, events } = this.#books;
    const copy = { subscriptions: new Map(subscriptions), accounts: new Map(accounts), invoices: [...invoices], lastNumber: new Map(lastNumber), events: [...events] };
    return () => {
      this.#books = copy;
    };
  }
}
