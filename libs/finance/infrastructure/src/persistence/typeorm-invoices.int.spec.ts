import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Invoice, InvoiceNumber } from '@bazaar/finance-domain';
import { anInvoiceContent } from '@bazaar/finance-domain/testing';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { financeMigrations } from './migrations';
import { financeRuntimeGrants } from './runtime-grants';
import { TypeOrmInvoiceNumbers } from './typeorm-invoice-numbers';
import { TypeOrmInvoiceQueries } from './typeorm-invoice-queries';
import { TypeOrmInvoices } from './typeorm-invoices';

jest.setTimeout(30_000);

describe('TypeOrmInvoices and TypeOrmInvoiceNumbers (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  let transactions: Transactions;
  let invoices: TypeOrmInvoices;
  let numbers: TypeOrmInvoiceNumbers;
  let queries: TypeOrmInvoiceQueries;

  /** Each spec issues in a year of its own, so that each starts its own sequence at 1. */
  let year = 2030;
  const aYear = () => (year += 1);
  const issuedIn = (y: number) => new Date(`${y}-06-01T12:00:00.000Z`);

  beforeAll(async () => {
    database = await createMigratedTestDatabase(financeMigrations, financeRuntimeGrants);
    transactions = database.transactions;
    invoices = new TypeOrmInvoices(transactions, new Outbox('finance'));
    numbers = new TypeOrmInvoiceNumbers(transactions);
    queries = new TypeOrmInvoiceQueries(transactions);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const query = <T>(sql: string, params: unknown[] = []) => transactions.manager.query(sql, params) as Promise<T[]>;
  const anInvoice = (number: InvoiceNumber, orderId: string = randomUUID()) =>
    Invoice.issue(anInvoiceContent({ id: randomUUID(), orderId, number, issuedAt: issuedIn(number.year) }));
  /** Takes the year's next number and issues an invoice with it, in one transaction, as Finance does. */
  const issue = (y: number, orderId = randomUUID()) =>
    transactions.run(async () => {
      const invoice = anInvoice(await numbers.next(y), orderId);
      await invoices.add(invoice);
      return invoice;
    });
  const numbersOf = async (y: number) => (await query<{ sequence: number }>('SELECT sequence FROM invoices WHERE year = $1 ORDER BY sequence', [y])).map((row) => row.sequence);
  const backendsWaitingOnALock = async () =>
    (await query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0]?.n ?? 0;

  it('stores an issued invoice with its lines and payment state, publishes InvoiceIssued keyed by the invoice, and reads it back', async () => {
    const invoice = await issue(aYear());

    const { id, orderId, buyerId, lines, total, issuedAt } = invoice.content;
    const expected = { invoiceId: id, invoiceNumber: `${year}-000001`, orderId, buyerId, lines, total, issuedAt, paymentState: 'authorized' };
    expect(await queries.byId(id)).toEqual(expected);
    expect(await queries.ofOrder(orderId)).toEqual([expected]);
    expect(await query(`SELECT message_key, event_type FROM outbox WHERE payload->'data'->>'invoiceId' = $1`, [id])).toEqual([
      { message_key: id, event_type: 'finance.invoice-issued.v1' },
    ]);
  });

  it('adds many invoices with the unit’s closing statement, one part per table, and reads each back', async () => {
    const y = aYear();
    const statements = jest.spyOn(Client.prototype, 'query');
    let added: Invoice[] = [];
    let sent: string[];
    try {
      await transactions.run(async () => {
        const taken: InvoiceNumber[] = [];
        for (let i = 0; i < 10; i += 1) taken.push(await numbers.next(y));
        statements.mockClear();
        added = taken.map((number) => anInvoice(number));
        await invoices.addAll(added);
      });
      sent = statements.mock.calls.map(([statement]) => String(typeof statement === 'string' ? statement : (statement as { text: string }).text));
    } finally {
      statements.mockRestore();
    }

    // Invoices, lines, payment states and outbox rows as the parts of one statement, then COMMIT (the numbers began the transaction).
    expect(sent.map((text) => text.trim().split(/\s+/)[0])).toEqual(['WITH', 'COMMIT']);
    expect(sent[0]!.match(/INSERT INTO (\w+)/g)).toEqual(['INSERT INTO invoices', 'INSERT INTO invoice_lines', 'INSERT INTO invoice_payments', 'INSERT INTO outbox']);

    expect(await numbersOf(y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const invoice of added)
      expect(await queries.byId(invoice.content.id)).toMatchObject({ orderId: invoice.content.orderId, lines: invoice.content.lines, paymentState: 'authorized' });
    expect(await query(`SELECT count(*)::int AS n FROM outbox WHERE payload->'data'->>'invoiceId' = ANY($1)`, [added.map((invoice) => invoice.content.id)])).toEqual([{ n: 10 }]);
  });

  it('refuses many invoices when one order already has one (ConcurrencyConflict naming it), adding none of them', async () => {
    const y = aYear();
    const invoiced = await issue(y);
    const adding = transactions.run(async () => {
      const [first, second] = [await numbers.next(y), await numbers.next(y)];
      await invoices.addAll([anInvoice(first), anInvoice(second, invoiced.content.orderId)]);
    });

    await expect(adding).rejects.toBeInstanceOf(ConcurrencyConflict);
    await expect(adding).rejects.toThrow(invoiced.content.orderId);
    expect(await numbersOf(y)).toEqual([1]);
  });

  it('takes several numbers of a year in one statement, in order, stepping the counter one at a time; a rollback gives them all back', async () => {
    const y = aYear();
    await issue(y);
    const statements = jest.spyOn(Client.prototype, 'query');
    let taken: InvoiceNumber[] = [];
    try {
      await transactions.run(async () => {
        statements.mockClear();
        taken = await numbers.take(y, 3);
        // The statement begins the unit's transaction: START TRANSACTION goes before it.
        const sent = statements.mock.calls.map(([config]) => (typeof config === 'string' ? config : (config as { text: string }).text).split(' ')[0]);
        expect(sent).toEqual(['START', 'SELECT']);
        await invoices.addAll(taken.map((number) => anInvoice(number)));
      });
    } finally {
      statements.mockRestore();
    }
    expect(taken.map((number) => number.sequence)).toEqual([2, 3, 4]);

    await expect(
      transactions.run(async () => {
        await numbers.take(y, 5);
        throw new Error('the invoices could not be written');
      }),
    ).rejects.toThrow('could not be written');
    expect((await issue(y)).content.number.sequence).toBe(5);
    expect(await numbersOf(y)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses, at commit, numbers taken together that not every one an invoice bears', async () => {
    const y = aYear();
    const halfUsed = transactions.run(async () => {
      const [first] = await numbers.take(y, 2);
      await invoices.add(anInvoice(first!));
    });

    await expect(halfUsed).rejects.toThrow(/handed out but no invoice bears it/);
    expect(await numbersOf(y)).toEqual([]);
  });

  it('takes numbers together only from the invoice number counters', async () => {
    await expect(transactions.run((manager) => manager.query(`SELECT take_invoice_numbers('sales'::regclass, 2040, 1)`))).rejects.toThrow(
      /counts on the invoice number counters only/,
    );
  });

  it('answers nothing for an unknown invoice or an order without one', async () => {
    expect(await queries.byId(randomUUID())).toBeUndefined();
    expect(await queries.ofOrder(randomUUID())).toEqual([]);
  });

  it('numbers a year’s invoices 1, 2, 3, and another year’s from 1 again', async () => {
    const [first, second] = [aYear(), aYear()];

    for (const y of [first, first, second, first]) await issue(y);

    expect(await numbersOf(first)).toEqual([1, 2, 3]);
    expect(await numbersOf(second)).toEqual([1]);
  });

  it('gives the number back when the issuing transaction rolls back: the next invoice takes it', async () => {
    const y = aYear();
    await issue(y);
    const abandoned = transactions.run(async () => {
      await numbers.next(y);
      throw new Error('the invoice could not be written');
    });
    await expect(abandoned).rejects.toThrow('the invoice could not be written');

    await issue(y);

    expect(await numbersOf(y)).toEqual([1, 2]);
  });

  it('makes a concurrent issuer wait for the first to commit, then hands it the next number', async () => {
    const y = aYear();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstNumbered!: () => void;
    const firstHasNumber = new Promise<void>((resolve) => (firstNumbered = resolve));
    const first = transactions.run(async () => {
      const number = await numbers.next(y);
      firstNumbered();
      await firstMayCommit;
      await invoices.add(anInvoice(number));
      return number.sequence;
    });
    await firstHasNumber;
    let secondSettled = false;
    const second = issue(y).finally(() => (secondSettled = true));

    // The second issuer is seen waiting on the counter's row lock, and has no number meanwhile.
    await eventually(async () => expect(await backendsWaitingOnALock()).toBeGreaterThan(0));
    expect(secondSettled).toBe(false);
    releaseFirst();

    expect(await first).toBe(1);
    expect((await second).content.number.sequence).toBe(2);
  });

  it('gives the next number to whoever waited when the first issuer rolls back', async () => {
    const y = aYear();
    let abandonFirst!: () => void;
    const firstMayGiveUp = new Promise<void>((resolve) => (abandonFirst = resolve));
    let firstNumbered!: () => void;
    const firstHasNumber = new Promise<void>((resolve) => (firstNumbered = resolve));
    const first = transactions.run(async () => {
      await numbers.next(y);
      firstNumbered();
      await firstMayGiveUp;
      throw new Error('gave up');
    });
    await firstHasNumber;
    const second = issue(y);
    await eventually(async () => expect(await backendsWaitingOnALock()).toBeGreaterThan(0));

    abandonFirst();

    await expect(first).rejects.toThrow('gave up');
    expect((await second).content.number.sequence).toBe(1);
    expect(await numbersOf(y)).toEqual([1]);
  });

  it('refuses a second invoice for an order (ConcurrencyConflict), burning no number', async () => {
    const y = aYear();
    const orderId = randomUUID();
    await issue(y, orderId);

    await expect(issue(y, orderId)).rejects.toBeInstanceOf(ConcurrencyConflict);
    await issue(y);

    expect(await numbersOf(y)).toEqual([1, 2]);
  });

  describe('guarded by the database, whoever writes', () => {
    it('refuses, at commit, a number handed out that no invoice bears', async () => {
      const y = aYear();
      await expect(transactions.run(() => numbers.next(y))).rejects.toThrow(/was handed out but no invoice bears it/);

      await issue(y);
      expect(await numbersOf(y)).toEqual([1]);
    });

    it('refuses an invoice bearing a number the year’s counter did not hand out', async () => {
      const y = aYear();
      await issue(y);

      await expect(transactions.run(() => invoices.add(anInvoice({ year: y, sequence: 5 })))).rejects.toThrow(/not handed out/);
      await expect(transactions.run(() => invoices.add(anInvoice({ year: aYear(), sequence: 1 })))).rejects.toThrow(/not handed out/);
    });

    it('refuses to move a counter back, skip a number or drop it', async () => {
      const y = aYear();
      await issue(y);
      await issue(y);

      await expect(database.asOwner('UPDATE invoice_number_counters SET last_number = 1 WHERE year = $1', [y])).rejects.toThrow(/one at a time/);
      await expect(database.asOwner('UPDATE invoice_number_counters SET last_number = 4 WHERE year = $1', [y])).rejects.toThrow(/one at a time/);
      await expect(database.asOwner('DELETE FROM invoice_number_counters WHERE year = $1', [y])).rejects.toThrow(/one at a time/);
    });

    it('never changes an issued invoice or its lines, nor drops its payment state; the payment state itself may change', async () => {
      const { id } = await issue(aYear());

      await expect(database.asOwner('UPDATE invoices SET total = 1 WHERE id = $1', [id])).rejects.toThrow(/never change/);
      await expect(database.asOwner('DELETE FROM invoice_lines WHERE invoice_id = $1', [id])).rejects.toThrow(/never change/);
      await expect(database.asOwner('DELETE FROM invoice_payments WHERE invoice_id = $1', [id])).rejects.toThrow(/never change/);
      await query('UPDATE invoice_payments SET changed_at = now(), version = version + 1 WHERE invoice_id = $1', [id]);
    });

    it('refuses, at commit, an invoice whose lines do not add up to its total', async () => {
      const y = aYear();
      const id = randomUUID();
      const wrong = transactions.run(async (manager) => {
        await numbers.next(y);
        await manager.query(`INSERT INTO invoices (id, year, sequence, order_id, buyer_id, total, currency, issued_at) VALUES ($1, $2, 1, $3, 'buyer-42', 3400, 'EUR', $4)`, [
          id,
          y,
          randomUUID(),
          issuedIn(y),
        ]);
        await manager.query(`INSERT INTO invoice_lines (invoice_id, line_no, sku, quantity, unit_price, line_total, currency) VALUES ($1, 1, 'MUG-BLUE', 2, 1250, 2500, 'EUR')`, [
          id,
        ]);
      });

      await expect(wrong).rejects.toThrow(/does not add up/);
      expect(await numbersOf(y)).toEqual([]);
    });
  });
});
