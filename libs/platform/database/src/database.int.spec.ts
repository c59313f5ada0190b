import { Pool } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, eventually, TestDatabase } from '@bazaar/platform-testing';
import { createDataSource, DatabaseTimeouts, runMigrations } from './data-source';
import { ExpectRowsFunction1763760000000 } from './expect-rows.migration';
import { isUniqueViolation, transientDatabaseFailure } from './pg-errors';
import { PreparingClient } from './preparing-client';
import { Batch, StatementBatch, Transactions, UnitMemo } from './transactions';

class CreateShelves1700000000001 implements MigrationInterface {
  name = 'CreateShelves1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE shelves (id int PRIMARY KEY, label text NOT NULL)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE shelves');
  }
}

describe('the database platform (real PostgreSQL)', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];

  async function connect(timeouts?: DatabaseTimeouts, applicationName = 'platform-database-test'): Promise<DataSource> {
    const source = createDataSource({ url: db.ownerUrl, applicationName, poolSize: 3, timeouts, migrations: [CreateShelves1700000000001, ExpectRowsFunction1763760000000] });
    await source.initialize();
    sources.push(source);
    return source;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(sources.map((source) => source.destroy()));
    await db.drop();
  });

  it('applies migrations once, even when replicas start together', async () => {
    const [first, second] = await Promise.all([connect(), connect()]);
    const applied = await Promise.all([runMigrations(first!), runMigrations(second!)]);
    expect(applied.flat()).toEqual(['CreateShelves1700000000001', 'ExpectRowsFunction1763760000000']);
    expect(await runMigrations(first!)).toEqual([]);
  });

  it('commits everything a unit of work wrote, including nested work joining it', async () => {
    const transactions = new Transactions(await connect());
    await transactions.run(async (manager) => {
      await manager.query("INSERT INTO shelves VALUES (1, 'outer')");
      await transactions.run((inner) => inner.query("INSERT INTO shelves VALUES (2, 'inner')"));
    });
    const rows = await transactions.manager.query('SELECT label FROM shelves WHERE id IN (1, 2) ORDER BY id');
    expect(rows).toEqual([{ label: 'outer' }, { label: 'inner' }]);
  });

  it('rolls back all of it when any part fails, and reports a unique violation as such', async () => {
    const transactions = new Transactions(await connect());
    let failure: unknown;
    try {
      await transactions.run(async (manager) => {
        await manager.query("INSERT INTO shelves VALUES (3, 'written first')");
        await transactions.run(() => transactions.manager.query("INSERT INTO shelves VALUES (1, 'duplicate id')"));
      });
    } catch (error) {
      failure = error;
    }
    expect(isUniqueViolation(failure)).toBe(true);
    expect(isUniqueViolation(failure, 'shelves_pkey')).toBe(true);
    expect(isUniqueViolation(failure, 'another_constraint')).toBe(false);
    expect(await transactions.manager.query('SELECT id FROM shelves WHERE id = 3')).toEqual([]);
  });

  it('runs what was queued after commit once the outermost transaction committed, outside it; never after a rollback', async () => {
    const transactions = new Transactions(await connect());
    const seen: unknown[] = [];
    const lookFromOutside = () => {
      // A new transaction of its own, not the committed one: it sees the committed row.
      void transactions.run((manager) => manager.query('SELECT label FROM shelves WHERE id = 30')).then((rows) => seen.push(rows));
    };
    await transactions.run(async (manager) => {
      await manager.query("INSERT INTO shelves VALUES (30, 'committed')");
      await transactions.run(async () => transactions.afterCommit(lookFromOutside));
      seen.push('before commit');
    });
    await eventually(() => expect(seen).toEqual(['before commit', [{ label: 'committed' }]]));

    const afterRollback: string[] = [];
    await expect(
      transactions.run(async (manager) => {
        transactions.afterCommit(() => afterRollback.push('ran'));
        await manager.query("INSERT INTO shelves VALUES (30, 'duplicate id')");
      }),
    ).rejects.toThrow();
    transactions.afterCommit(() => afterRollback.push('outside any transaction: at once'));
    expect(afterRollback).toEqual(['outside any transaction: at once']);
  });

  it('remembers what one part of a unit of work read for the rest of that unit only; outside a unit, nothing', async () => {
    const transactions = new Transactions(await connect());
    const labels = new UnitMemo<string | null>('labels');

    const recalled = await transactions.run(async () => {
      transactions.remember(labels, 'shelf-1', 'top');
      transactions.remember(labels, 'shelf-2', null);
      return transactions.run(async () => [transactions.recall(labels, 'shelf-1'), transactions.recall(labels, 'shelf-2'), transactions.recall(labels, 'shelf-3')]);
    });
    const inTheNextUnit = await transactions.run(async () => transactions.recall(labels, 'shelf-1'));
    transactions.remember(labels, 'shelf-1', 'outside');

    expect(recalled).toEqual(['top', null, undefined]);
    expect(inTheNextUnit).toBeUndefined();
    expect(transactions.recall(labels, 'shelf-1')).toBeUndefined();
  });

  it('writes what was gathered in a transaction in one flush just before it commits, all or nothing; outside one, alone', async () => {
    const transactions = new Transactions(await connect());
    const flushes: number[][] = [];
    const shelves: Batch<number> = {
      flush: async (ids) => {
        flushes.push([...ids]);
        await transactions.manager.query("INSERT INTO shelves (id, label) SELECT id, 'gathered' FROM unnest($1::int[]) AS id", [ids]);
      },
    };

    await transactions.run(async () => {
      await transactions.gather(shelves, 40);
      await transactions.run(() => transactions.gather(shelves, 41));
      expect(flushes).toEqual([]);
    });
    await transactions.gather(shelves, 42);
    await expect(
      transactions.run(async () => {
        await transactions.gather(shelves, 43);
        await transactions.gather(shelves, 40); // already there: the flush fails, and 43 goes with it
      }),
    ).rejects.toThrow();

    expect(flushes).toEqual([[40, 41], [42], [43, 40]]);
    const rows = await transactions.manager.query('SELECT id FROM shelves WHERE id BETWEEN 40 AND 49 ORDER BY id');
    expect(rows).toEqual([{ id: 40 }, { id: 41 }, { id: 42 }]);
  });

  describe('statement batches: a unit of work’s writes as its one closing statement', () => {
    interface Shelf {
      id: number;
      label: string;
    }
    /** New shelves in one INSERT, every one of them expected. */
    const newShelves: StatementBatch<Shelf> = {
      statements: (shelves) => [
        {
          text: 'INSERT INTO shelves (id, label) SELECT id, label FROM unnest($1::int[], $2::text[]) AS s (id, label) ON CONFLICT (id) DO NOTHING RETURNING id',
          values: [shelves.map((s) => s.id), shelves.map((s) => s.label)],
          expect: { rows: shelves.length, otherwise: () => new Error('a shelf is taken') },
        },
      ],
    };
    /** A relabelling per shelf, each expecting its row. */
    const relabelled: StatementBatch<Shelf> = {
      statements: (shelves) =>
        shelves.map(({ id, label }) => ({
          text: 'UPDATE shelves SET label = $2 WHERE id = $1 RETURNING id',
          values: [id, label],
          expect: { rows: 1, otherwise: () => new Error(`shelf ${id} is gone`) },
        })),
    };
    const labels = async (transactions: Transactions, from: number, to: number) =>
      (await transactions.reader.query('SELECT id, label FROM shelves WHERE id BETWEEN $1 AND $2 ORDER BY id', [from, to])) as Shelf[];

    it('sends a unit of reads and gathered statements as the reads and one statement, without BEGIN or COMMIT', async () => {
      const transactions = new Transactions(await connect());
      const before = PreparingClient.statementsSent;

      await transactions.run(async () => {
        await transactions.reader.query('SELECT count(*) FROM shelves WHERE id = $1', [60]);
        await transactions.gather(newShelves, { id: 60, label: 'new' });
        await transactions.gather(newShelves, { id: 61, label: 'new' });
      });

      expect(PreparingClient.statementsSent - before).toBe(2);
      expect(await labels(transactions, 60, 61)).toEqual([
        { id: 60, label: 'new' },
        { id: 61, label: 'new' },
      ]);
    });

    it('writes nothing of the unit when a part writes another number of rows than expected, and throws that part’s error', async () => {
      const transactions = new Transactions(await connect());
      await transactions.gather(newShelves, { id: 70, label: 'new' });

      await expect(
        transactions.run(async () => {
          await transactions.gather(relabelled, { id: 70, label: 'relabelled' });
          await transactions.gather(newShelves, { id: 71, label: 'new' });
          await transactions.gather(relabelled, { id: 79, label: 'never there' });
        }),
      ).rejects.toThrow('shelf 79 is gone');
      // The parts share one snapshot: a part cannot see a row another part of the same statement writes.
      await expect(
        transactions.run(async () => {
          await transactions.gather(newShelves, { id: 72, label: 'new' });
          await transactions.gather(relabelled, { id: 72, label: 'relabelled' });
        }),
      ).rejects.toThrow('shelf 72 is gone');

      expect(await labels(transactions, 70, 79)).toEqual([{ id: 70, label: 'new' }]);
    });

    it('begins the transaction with the first write, and the closing statement joins it: a failure there rolls the write back too', async () => {
      const transactions = new Transactions(await connect());
      const before = PreparingClient.statementsSent;

      await transactions.run(async (manager) => {
        await transactions.reader.query('SELECT count(*) FROM shelves WHERE id = $1', [80]);
        await manager.query("INSERT INTO shelves (id, label) VALUES (80, 'written')");
        await transactions.gather(newShelves, { id: 81, label: 'new' });
      });
      // The read, START TRANSACTION, the insert, the closing statement, COMMIT.
      expect(PreparingClient.statementsSent - before).toBe(5);

      await expect(
        transactions.run(async (manager) => {
          await manager.query("INSERT INTO shelves (id, label) VALUES (82, 'written')");
          await transactions.gather(newShelves, { id: 81, label: 'taken' });
        }),
      ).rejects.toThrow('a shelf is taken');
      expect(await labels(transactions, 80, 89)).toEqual([
        { id: 80, label: 'written' },
        { id: 81, label: 'new' },
      ]);
    });
    it('writes statements gathered before a plain batch in the transaction the batch writes in: its failure takes them back too', async () => {
      const transactions = new Transactions(await connect());
      const failingShelves: Batch<number> = {
        flush: async (ids) => {
          await transactions.manager.query("INSERT INTO shelves (id, label) SELECT id, 'plain' FROM unnest($1::int[]) AS id", [ids]);
        },
      };
      await transactions.gather(newShelves, { id: 91, label: 'new' });

      await expect(
        transactions.run(async () => {
          await transactions.gather(newShelves, { id: 90, label: 'new' });
          await transactions.gather(failingShelves, 91); // taken: the flush fails after the statements went out
        }),
      ).rejects.toThrow(/duplicate key/);

      expect(await labels(transactions, 90, 99)).toEqual([{ id: 91, label: 'new' }]);
    });
  });

  it('prepares each parameterised statement once per connection, and leaves the others unnamed', async () => {
    const runner = (await connect()).createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT label FROM shelves WHERE id = $1', [1]);
      await runner.query('SELECT label FROM shelves WHERE id = $1', [2]);
      await runner.query('SELECT count(*) FROM shelves');
      const prepared: { statement: string }[] = await runner.query('SELECT statement FROM pg_prepared_statements ORDER BY statement');
      expect(prepared.map((row) => row.statement)).toEqual(['SELECT label FROM shelves WHERE id = $1']);
    } finally {
      await runner.release();
    }
  });

  it('counts every statement it sends, prepared or not, BEGIN and COMMIT included: each a round trip', async () => {
    const transactions = new Transactions(await connect());
    const before = PreparingClient.statementsSent;
    await transactions.run(async (manager) => {
      await manager.query('SELECT label FROM shelves WHERE id = $1', [1]);
      await manager.query('SELECT count(*) FROM shelves');
    });
    expect(PreparingClient.statementsSent - before).toBe(4);
  });

  it('keeps a prepared statement working when a migration adds a column to its table', async () => {
    const source = await connect();
    const runner = source.createQueryRunner();
    await runner.connect();
    try {
      await source.query("INSERT INTO shelves VALUES (10, 'tenth')");
      expect(await runner.query('SELECT id, label FROM shelves WHERE id = $1', [10])).toEqual([{ id: 10, label: 'tenth' }]);
      await source.query('ALTER TABLE shelves ADD COLUMN colour text');
      expect(await runner.query('SELECT id, label FROM shelves WHERE id = $1', [10])).toEqual([{ id: 10, label: 'tenth' }]);
    } finally {
      await runner.release();
      await source.query('ALTER TABLE shelves DROP COLUMN colour');
    }
  });

  it('cancels a statement that runs past its timeout, with an error that says to retry later', async () => {
    const source = await connect({ statementMs: 200 });

    const failure = await source.query('SELECT pg_sleep(5)').catch((error: unknown) => error);

    expect(failure).toMatchObject({ driverError: { code: '57014' } });
    expect(transientDatabaseFailure(failure)).toBe('timeout');
  });

  it('ends a session left idle inside a transaction, releasing its locks', async () => {
    const source = await connect({ idleInTransactionMs: 300 }, 'idle-in-transaction-test');
    const runner = source.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query("INSERT INTO shelves VALUES (20, 'held')");

    const observer = await connect();
    await eventually(async () => {
      const sessions: unknown[] = await observer.query("SELECT pid FROM pg_stat_activity WHERE application_name = 'idle-in-transaction-test'");
      expect(sessions).toEqual([]);
    });
    const failure = await runner.query('SELECT 1').catch((error: unknown) => error);
    await runner.release().catch(() => undefined);

    expect(transientDatabaseFailure(failure)).toBe('unavailable');
    expect(await observer.query('SELECT id FROM shelves WHERE id = 20')).toEqual([]);
  });

  it('survives its connection being ended while a holder has it checked out but is not using it, and the pool replaces it', async () => {
    // The pool stops listening for a connection's errors while it is checked out, and TypeORM starts
    // only once the checkout's promise resolves: an error event in between, with no listener, throws
    // out of the socket's handler and ends the process (seen in a chaos run terminating connections).
    const source = await connect(undefined, 'checked-out-test');
    const pool = (source.driver as unknown as { master: Pool }).master;
    const held = await pool.connect();
    const observer = await connect();
    let failure: unknown;
    try {
      expect(() => held.emit('error', new Error('an error while nobody holding it listens'))).not.toThrow();

      await observer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'checked-out-test'");

      // The connection is unusable from then on, and says so to its holder.
      failure = await eventually(async () => {
        const error = await held.query('SELECT 1').then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(Error);
        return error;
      });
    } finally {
      held.release(true);
    }
    expect(transientDatabaseFailure(failure)).toBe('unavailable');
    expect(await source.query('SELECT 1 AS up')).toEqual([{ up: 1 }]);
  });
});
