import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Sale } from '@bazaar/finance-domain';
import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { ConcurrencyConflict, IdGenerator } from '@bazaar/shared-kernel';
import { financeMigrations } from './migrations';
import { financeRuntimeGrants } from './runtime-grants';
import { TypeOrmLedgerQueries } from './typeorm-ledger-queries';
import { TypeOrmSales } from './typeorm-sales';

jest.setTimeout(30_000);

class RandomIds extends IdGenerator {
  next(): string {
    return randomUUID();
  }
}

describe('TypeOrmSales and the ledger tables (real PostgreSQL)', () => {
  const at = new Date('2026-11-22T14:00:00.150Z');
  const ids = new RandomIds();
  let database: MigratedTestDatabase;
  let transactions: Transactions;
  let sales: TypeOrmSales;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(financeMigrations, financeRuntimeGrants);
    transactions = database.transactions;
    sales = new TypeOrmSales(transactions, new Outbox('finance'));
  });

  afterAll(async () => {
    await database?.drop();
  });

  const query = <T>(sql: string, params: unknown[] = []) => transactions.manager.query(sql, params) as Promise<T[]>;
  const load = async (orderId: string) => {
    const sale = await sales.byOrder(orderId);
    if (!sale) throw new Error(`no sale for ${orderId}`);
    return sale;
  };

  /** The statements `work` sends to PostgreSQL, as node-postgres sees them (BEGIN and COMMIT included). */
  const statementsOf = async (work: () => Promise<unknown>) => {
    const query = jest.spyOn(Client.prototype, 'query');
    try {
      await work();
      return query.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : (statement as { text: string }).text).trim().split(/\s+/)[0]);
    } finally {
      query.mockRestore();
    }
  };
  const deferred = (orderId = randomUUID()) => {
    const sale = Sale.open(orderId);
    sale.defer(someTerms(), at, ids);
    return sale;
  };

  describe('many at a time', () => {
    it('loads the sales of many orders in one statement, leaving out those it never heard of', async () => {
      const [first, second] = [deferred(), deferred()];
      const cancelled = Sale.open(randomUUID());
      cancelled.cancel(at, ids);
      await sales.saveAll([first, second, cancelled]);
      const unknown = randomUUID();

      let loaded: ReadonlyMap<string, Sale> = new Map();
      const statements = await statementsOf(async () => (loaded = await sales.byOrders([second.orderId, unknown, first.orderId, cancelled.orderId, first.orderId])));

      expect(statements).toEqual(['SELECT']);
      expect([...loaded.keys()].sort()).toEqual([first.orderId, second.orderId, cancelled.orderId].sort());
      expect(loaded.get(first.orderId)!.snapshot()).toEqual(first.snapshot());
      expect(loaded.get(cancelled.orderId)!.snapshot()).toEqual(cancelled.snapshot());
      expect(loaded.get(second.orderId)!.version).toBe(1);
    });

    it('saves many sales — new and known, with entries of every kind — in one statement per table, and reads them back', async () => {
      const known = [deferred(), deferred(), deferred()];
      await sales.saveAll(known);
      const [toRecognize, toReverse, alsoDispatched] = [...(await sales.byOrders(known.map((sale) => sale.orderId))).values()];
      toRecognize!.recordDispatch(someDispatch(), at, ids);
      toReverse!.cancel(at, ids);
      alsoDispatched!.recordDispatch(someDispatch(), at, ids);
      const fresh = Array.from({ length: 20 }, () => deferred());
      const batch = [toRecognize!, ...fresh, toReverse!, alsoDispatched!];

      const statements = await statementsOf(() => transactions.run(() => sales.saveAll(batch)));

      // INSERT sales, UPDATE sales, INSERT revenue_events, INSERT ledger_lines, INSERT outbox: one
      // statement of five parts, atomic by itself (no BEGIN, no COMMIT).
      expect(statements).toEqual(['WITH']);
      const stored = await sales.byOrders(batch.map((sale) => sale.orderId));
      for (const sale of batch) expect(stored.get(sale.orderId)!.snapshot()).toEqual(sale.snapshot());
      expect(stored.get(toRecognize!.orderId)!.version).toBe(2);
      expect(stored.get(fresh[0]!.orderId)!.version).toBe(1);
      const outbox = await query<{ event_type: string }>(`SELECT event_type FROM outbox WHERE payload->'data'->>'orderId' = ANY($1) ORDER BY position`, [
        [toRecognize!.orderId, toReverse!.orderId],
      ]);
      expect(outbox.map((row) => row.event_type)).toEqual([
        'finance.revenue-deferred.v1',
        'finance.revenue-deferred.v1',
        'finance.revenue-recognized.v1',
        'finance.revenue-reversed.v1',
      ]);
    });

    it('refuses a save of many when one sale was moved on by another writer (ConcurrencyConflict naming it), writing none of them', async () => {
      const [stale, other] = [deferred(), deferred()];
      await sales.saveAll([stale, other]);
      const [mine, theirs] = [await load(stale.orderId), await load(stale.orderId)];
      theirs.cancel(at, ids);
      await sales.save(theirs);
      mine.recordDispatch(someDispatch(), at, ids);
      const otherNow = await load(other.orderId);
      otherNow.cancel(at, ids);
      const newcomer = deferred();

      const saving = transactions.run(() => sales.saveAll([newcomer, otherNow, mine]));

      await expect(saving).rejects.toBeInstanceOf(ConcurrencyConflict);
      await expect(saving).rejects.toThrow(stale.orderId);
      expect(await sales.byOrder(newcomer.orderId)).toBeUndefined();
      expect((await load(other.orderId)).entries.map((entry) => entry.kind)).toEqual(['deferred']);
      expect((await load(stale.orderId)).entries.map((entry) => entry.kind)).toEqual(['deferred', 'reversal']);
    });

    it('refuses a save of many when another writer recorded one of the new sales first (ConcurrencyConflict naming it), writing none of them', async () => {
      const [first, second] = [deferred(), deferred()];
      const late = Sale.open(second.orderId);
      late.recordDispatch(someDispatch(), at, ids);
      await sales.save(second);

      const saving = transactions.run(() => sales.saveAll([first, late]));

      await expect(saving).rejects.toBeInstanceOf(ConcurrencyConflict);
      await expect(saving).rejects.toThrow(second.orderId);
      expect(await sales.byOrder(first.orderId)).toBeUndefined();
    });
  });

  it('knows nothing of an order it never heard of', async () => {
    expect(await sales.byOrder(randomUUID())).toBeUndefined();
  });

  it('stores a dispatch heard before the payment, then both entries of the same instant, read back deferred first', async () => {
    const orderId = randomUUID();
    const dispatched = Sale.open(orderId);
    dispatched.recordDispatch(someDispatch(), at, ids);
    await sales.save(dispatched);

    const paid = await load(orderId);
    paid.defer(someTerms(), at, ids);
    await sales.save(paid);

    const stored = await load(orderId);
    expect(stored.version).toBe(2);
    expect(stored.snapshot()).toEqual(paid.snapshot());
    expect(stored.entries.map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
    const outbox = await query<{ event_type: string; message_key: string }>(`SELECT event_type, message_key FROM outbox WHERE payload->'data'->>'orderId' = $1 ORDER BY position`, [
      orderId,
    ]);
    expect(outbox).toEqual([
      { event_type: 'finance.revenue-deferred.v1', message_key: orderId },
      { event_type: 'finance.revenue-recognized.v1', message_key: orderId },
    ]);
  });

  it('stores a cancellation heard before the payment, so the payment heard after it finds the sale cancelled', async () => {
    const orderId = randomUUID();
    const cancelled = Sale.open(orderId);
    cancelled.cancel(at, ids);
    await sales.save(cancelled);

    const stored = await load(orderId);
    expect(stored.snapshot()).toEqual({ orderId, terms: null, dispatch: null, cancelledAt: at, entries: [] });
    expect(stored.defer(someTerms(), at, ids)).toBeNull();
    expect(stored.hasChanges).toBe(false);
  });

  it('refuses a save over a version another writer moved on (ConcurrencyConflict), writing nothing', async () => {
    const orderId = randomUUID();
    const paid = Sale.open(orderId);
    paid.defer(someTerms(), at, ids);
    await sales.save(paid);
    const [first, second] = [await load(orderId), await load(orderId)];
    first.recordDispatch(someDispatch(), at, ids);
    second.cancel(at, ids);

    await sales.save(first);

    await expect(sales.save(second)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await load(orderId)).entries.map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
  });

  it('refuses a second new sale of the same order (ConcurrencyConflict)', async () => {
    const orderId = randomUUID();
    const [first, second] = [Sale.open(orderId), Sale.open(orderId)];
    first.defer(someTerms(), at, ids);
    second.recordDispatch(someDispatch(), at, ids);
    await sales.save(first);

    await expect(sales.save(second)).rejects.toBeInstanceOf(ConcurrencyConflict);
  });

  it('reads an order deferred by an earlier release (an entry, no sales row) as a sale without terms, and stores it on its next change', async () => {
    const orderId = randomUUID();
    const entryId = randomUUID();
    await transactions.run(async (manager) => {
      await manager.query(`INSERT INTO revenue_events (id, order_id, kind, amount, currency, recorded_at) VALUES ($1, $2, 'deferred', 3399, 'EUR', $3)`, [entryId, orderId, at]);
      await manager.query(
        `INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency)
         VALUES ($1, 1, 'accounts_receivable', 'debit', 3399, 'EUR'), ($1, 2, 'deferred_revenue', 'credit', 3399, 'EUR')`,
        [entryId],
      );
    });

    const legacy = await load(orderId);
    expect(legacy).toMatchObject({ version: 0, terms: null });
    expect(legacy.entry('deferred')?.id).toBe(entryId);

    legacy.cancel(at, ids);
    await sales.save(legacy);
    expect((await load(orderId)).entries.map((entry) => entry.kind)).toEqual(['deferred', 'reversal']);
  });

  describe('guarded by the database, whoever writes', () => {
    const aDeferredOrder = async () => {
      const sale = Sale.open(randomUUID());
      sale.defer(someTerms(), at, ids);
      await sales.save(sale);
      return sale;
    };

    it('refuses, at commit, an entry whose lines do not balance', async () => {
      const entryId = randomUUID();
      const unbalanced = transactions.run(async (manager) => {
        await manager.query(`INSERT INTO revenue_events (id, order_id, kind, amount, currency, recorded_at) VALUES ($1, $2, 'deferred', 100, 'EUR', now())`, [
          entryId,
          randomUUID(),
        ]);
        await manager.query(
          `INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency)
           VALUES ($1, 1, 'accounts_receivable', 'debit', 100, 'EUR'), ($1, 2, 'deferred_revenue', 'credit', 99, 'EUR')`,
          [entryId],
        );
      });

      await expect(unbalanced).rejects.toThrow(/does not balance/);
      expect(await query('SELECT id FROM revenue_events WHERE id = $1', [entryId])).toEqual([]);
    });

    it('refuses, at commit, an entry without lines and a line added later to a balanced entry', async () => {
      const bare = transactions.run((manager) =>
        manager.query(`INSERT INTO revenue_events (id, order_id, kind, amount, currency, recorded_at) VALUES ($1, $2, 'deferred', 100, 'EUR', now())`, [
          randomUUID(),
          randomUUID(),
        ]),
      );
      await expect(bare).rejects.toThrow(/does not balance/);

      const { entries } = await aDeferredOrder();
      const extra = transactions.run((manager) =>
        manager.query(`INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency) VALUES ($1, 3, 'revenue', 'credit', 1, 'EUR')`, [entries[0]!.id]),
      );
      await expect(extra).rejects.toThrow(/does not balance/);
    });

    it('refuses a line on an account outside the chart', async () => {
      const { entries } = await aDeferredOrder();

      await expect(
        query(`INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency) VALUES ($1, 3, 'petty_cash', 'debit', 1, 'EUR')`, [entries[0]!.id]),
      ).rejects.toThrow(/ledger_lines_account_check/);
    });

    it('keeps entries and lines append-only', async () => {
      const { orderId } = await aDeferredOrder();

      await expect(database.asOwner('UPDATE revenue_events SET amount = 1 WHERE order_id = $1', [orderId])).rejects.toThrow(/append-only/);
      await expect(database.asOwner('DELETE FROM ledger_lines')).rejects.toThrow(/append-only/);
    });

    it('keeps a sale’s terms, dispatch and cancellation once known, and every sale', async () => {
      const { orderId } = await aDeferredOrder();
      await database.asOwner(`UPDATE sales SET shipment_id = $2, dispatched_at = now(), cancelled_at = now() WHERE order_id = $1`, [orderId, randomUUID()]);

      await expect(database.asOwner(`UPDATE sales SET total = 1 WHERE order_id = $1`, [orderId])).rejects.toThrow(/fixed once known/);
      await expect(database.asOwner(`UPDATE sales SET shipment_id = $2 WHERE order_id = $1`, [orderId, randomUUID()])).rejects.toThrow(/fixed once known/);
      await expect(database.asOwner(`UPDATE sales SET cancelled_at = NULL WHERE order_id = $1`, [orderId])).rejects.toThrow(/fixed once known/);
      await expect(database.asOwner(`DELETE FROM sales WHERE order_id = $1`, [orderId])).rejects.toThrow(/fixed once known/);
    });
  });

  it('sums every account per currency, and every currency, into a balanced trial balance', async () => {
    const fresh = await createMigratedTestDatabase(financeMigrations, financeRuntimeGrants);
    try {
      const freshSales = new TypeOrmSales(fresh.transactions, new Outbox('finance'));
      const save = async (change: (sale: Sale) => void, orderId = randomUUID()) => {
        const sale = (await freshSales.byOrder(orderId)) ?? Sale.open(orderId);
        change(sale);
        await freshSales.save(sale);
        return orderId;
      };
      const gbp = {
        ...someTerms(),
        lines: [{ sku: 'SCARF', quantity: 1, unitPrice: { amount: 500, currency: 'GBP' }, lineTotal: { amount: 500, currency: 'GBP' } }],
        total: { amount: 500, currency: 'GBP' },
      };
      const dispatched = await save((sale) => sale.defer(someTerms(), at, ids));
      await save((sale) => sale.recordDispatch(someDispatch(), at, ids), dispatched);
      const cancelled = await save((sale) => sale.defer(someTerms(), at, ids));
      await save((sale) => sale.cancel(at, ids), cancelled);
      await save((sale) => sale.defer(gbp, at, ids));

      expect(await new TypeOrmLedgerQueries(fresh.transactions).trialBalance()).toEqual({
        accounts: [
          { account: 'accounts_receivable', currency: 'EUR', debits: 6798, credits: 3399 },
          { account: 'deferred_revenue', currency: 'EUR', debits: 6798, credits: 6798 },
          { account: 'revenue', currency: 'EUR', debits: 0, credits: 3399 },
          { account: 'accounts_receivable', currency: 'GBP', debits: 500, credits: 0 },
          { account: 'deferred_revenue', currency: 'GBP', debits: 0, credits: 500 },
        ],
        totals: [
          { currency: 'EUR', debits: 13596, credits: 13596 },
          { currency: 'GBP', debits: 500, credits: 500 },
        ],
      });
    } finally {
      await fresh.drop();
    }
  });
});
