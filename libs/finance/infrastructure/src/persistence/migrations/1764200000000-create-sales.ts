import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales and revenue recognition.
 *
 * `sales`: one row per order Finance has heard of — what was sold (from the payment authorization)
 * and the dispatch (from Fulfillment), each fixed once known (trigger), and the version its
 * repository checks. Orders deferred by an earlier release have entries but no row; the first write
 * inserts it.
 *
 * `revenue_events` gains the `recognized` kind (once per order, like the others), the deferred entry
 * it recognizes and the shipment that earned it. Ledger lines name one of the three accounts. A
 * deferred constraint trigger checks at commit that every entry's lines debit and credit exactly its
 * amount, in its currency: the double-entry rule holds in the database, whoever writes.
 *
 * Additive only: the previous release keeps working against it during a rollout.
 */
export class CreateSales1764200000000 implements MigrationInterface {
  name = 'CreateSales1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sales (
        order_id      uuid        PRIMARY KEY,
        buyer_id      text,
        lines         jsonb,
        total         bigint      CHECK (total > 0),
        currency      char(3),
        shipment_id   uuid,
        dispatched_at timestamptz,
        version       integer     NOT NULL,
        CONSTRAINT sales_terms_check CHECK (num_nulls(buyer_id, lines, total, currency) IN (0, 4)),
        CONSTRAINT sales_dispatch_check CHECK (num_nulls(shipment_id, dispatched_at) IN (0, 2))
      )`);
    await runner.query(`
      CREATE FUNCTION keep_sale_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE'
           OR (OLD.buyer_id IS NOT NULL AND (NEW.buyer_id, NEW.lines, NEW.total, NEW.currency) IS DISTINCT FROM (OLD.buyer_id, OLD.lines, OLD.total, OLD.currency))
           OR (OLD.shipment_id IS NOT NULL AND (NEW.shipment_id, NEW.dispatched_at) IS DISTINCT FROM (OLD.shipment_id, OLD.dispatched_at)) THEN
          RAISE EXCEPTION 'a sale''s terms and dispatch are fixed once known: % on sales refused', TG_OP
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query('CREATE TRIGGER sales_facts_fixed BEFORE UPDATE OR DELETE ON sales FOR EACH ROW EXECUTE FUNCTION keep_sale_facts()');

    await runner.query(`ALTER TABLE revenue_events ADD COLUMN recognizes uuid REFERENCES revenue_events (id), ADD COLUMN shipment_id uuid`);
    await runner.query(`
      ALTER TABLE revenue_events
        DROP CONSTRAINT revenue_events_kind_check,
        ADD CONSTRAINT revenue_events_kind_check CHECK (kind IN ('deferred', 'reversal', 'recognized')),
        ADD CONSTRAINT revenue_events_recognizes_check CHECK ((kind = 'recognized') = (recognizes IS NOT NULL)),
        ADD CONSTRAINT revenue_events_shipment_check CHECK ((kind = 'recognized') = (shipment_id IS NOT NULL))`);
    await runner.query(`
      ALTER TABLE ledger_lines
        ADD CONSTRAINT ledger_lines_account_check CHECK (account IN ('accounts_receivable', 'deferred_revenue', 'revenue'))`);

    await runner.query(`
      CREATE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        entry uuid;
        amount bigint;
        currency char(3);
        debits numeric;
        credits numeric;
        foreign_lines bigint;
      BEGIN
        IF TG_TABLE_NAME = 'revenue_events' THEN entry := NEW.id; ELSE entry := NEW.revenue_event_id; END IF;
        SELECT e.amount, e.currency,
               coalesce(sum(l.amount) FILTER (WHERE l.side = 'debit'), 0),
               coalesce(sum(l.amount) FILTER (WHERE l.side = 'credit'), 0),
               count(l.line_no) FILTER (WHERE l.currency <> e.currency)
          INTO amount, currency, debits, credits, foreign_lines
          FROM revenue_events e LEFT JOIN ledger_lines l ON l.revenue_event_id = e.id
         WHERE e.id = entry
         GROUP BY e.amount, e.currency;
        IF debits <> amount OR credits <> amount OR foreign_lines > 0 THEN
          RAISE EXCEPTION 'ledger entry % does not balance: debits %, credits % for an amount of % %', entry, debits, credits, amount, currency
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['revenue_events', 'ledger_lines']) {
      await runner.query(`CREATE CONSTRAINT TRIGGER ${table}_balanced AFTER INSERT ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER ledger_lines_balanced ON ledger_lines');
    await runner.query('DROP TRIGGER revenue_events_balanced ON revenue_events');
    await runner.query('DROP FUNCTION check_entry_balanced()');
    await runner.query('ALTER TABLE ledger_lines DROP CONSTRAINT ledger_lines_account_check');
    await runner.query(`
      ALTER TABLE revenue_events
        DROP CONSTRAINT revenue_events_shipment_check,
        DROP CONSTRAINT revenue_events_recognizes_check,
        DROP CONSTRAINT revenue_events_kind_check,
        ADD CONSTRAINT revenue_events_kind_check CHECK (kind IN ('deferred', 'reversal'))`);
    await runner.query('ALTER TABLE revenue_events DROP COLUMN shipment_id, DROP COLUMN recognizes');
    await runner.query('DROP TABLE sales');
    await runner.query('DROP FUNCTION keep_sale_facts()');
  }
}
