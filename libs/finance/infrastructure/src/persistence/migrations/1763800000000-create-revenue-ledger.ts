import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The revenue ledger: entries and their double-entry lines, money as bigint minor units + currency.
 * `revenue_events_order_kind_key` makes "one deferred entry per order" hold under races; the
 * triggers make the ledger append-only even for a careless hand with psql.
 */
export class CreateRevenueLedger1763800000000 implements MigrationInterface {
  name = 'CreateRevenueLedger1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE revenue_events (
        id          uuid        PRIMARY KEY,
        order_id    uuid        NOT NULL,
        kind        text        NOT NULL CONSTRAINT revenue_events_kind_check CHECK (kind IN ('deferred')),
        amount      bigint      NOT NULL CHECK (amount > 0),
        currency    char(3)     NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT revenue_events_order_kind_key UNIQUE (order_id, kind)
      )`);
    await runner.query(`
      CREATE TABLE ledger_lines (
        revenue_event_id uuid    NOT NULL REFERENCES revenue_events (id),
        line_no          integer NOT NULL,
        account          text    NOT NULL,
        side             text    NOT NULL CHECK (side IN ('debit', 'credit')),
        amount           bigint  NOT NULL CHECK (amount > 0),
        currency         char(3) NOT NULL,
        PRIMARY KEY (revenue_event_id, line_no)
      )`);
    await runner.query(`
      CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the revenue ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['revenue_events', 'ledger_lines']) {
      await runner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ledger_lines');
    await runner.query('DROP TABLE revenue_events');
    await runner.query('DROP FUNCTION refuse_ledger_change()');
  }
}
