import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices, numbered per year without gaps.
 *
 * `invoice_number_counters` holds each year's last number handed out. Issuing increments it in the
 * invoice's own transaction (the row stays locked until commit, so concurrent issuers queue, and a
 * rollback gives the number back — a SEQUENCE would not). The database keeps the numbering honest
 * whoever writes: a counter only ever moves up by one; at commit, every number it handed out must
 * belong to an invoice; an invoice may only bear a number the counter has handed out; and
 * `(year, sequence)` is unique. So the numbers of each year are exactly 1..n.
 *
 * `invoices` and `invoice_lines` are append-only (content never changes once issued), and a deferred
 * check makes the lines add up to the total. The payment state lives apart, in `invoice_payments`,
 * the one part that may change.
 */
export class CreateInvoices1764200000001 implements MigrationInterface {
  name = 'CreateInvoices1764200000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE invoice_number_counters (
        year        integer PRIMARY KEY CHECK (year BETWEEN 1000 AND 9999),
        last_number integer NOT NULL CHECK (last_number >= 1)
      )`);
    await runner.query(`
      CREATE TABLE invoices (
        id        uuid        PRIMARY KEY,
        year      integer     NOT NULL,
        sequence  integer     NOT NULL CHECK (sequence >= 1),
        order_id  uuid        NOT NULL CONSTRAINT invoices_order_id_key UNIQUE,
        buyer_id  text        NOT NULL,
        total     bigint      NOT NULL CHECK (total >= 0),
        currency  char(3)     NOT NULL,
        issued_at timestamptz NOT NULL,
        CONSTRAINT invoices_number_key UNIQUE (year, sequence),
        CONSTRAINT invoices_year_check CHECK (year = extract(year FROM issued_at AT TIME ZONE 'UTC'))
      )`);
    await runner.query(`
      CREATE TABLE invoice_lines (
        invoice_id uuid    NOT NULL REFERENCES invoices (id),
        line_no    integer NOT NULL,
        sku        text    NOT NULL,
        quantity   integer NOT NULL CHECK (quantity >= 1),
        unit_price bigint  NOT NULL CHECK (unit_price >= 0),
        line_total bigint  NOT NULL,
        currency   char(3) NOT NULL,
        PRIMARY KEY (invoice_id, line_no),
        CONSTRAINT invoice_lines_total_check CHECK (line_total = quantity * unit_price)
      )`);
    await runner.query(`
      CREATE TABLE invoice_payments (
        invoice_id uuid        PRIMARY KEY REFERENCES invoices (id),
        state      text        NOT NULL CHECK (state IN ('authorized')),
        changed_at timestamptz NOT NULL,
        version    integer     NOT NULL
      )`);

    await runner.query(`
      CREATE FUNCTION refuse_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued invoices never change (a credit note corrects one): % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['invoices', 'invoice_lines']) {
      await runner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_invoice_change()`);
    }
    await runner.query('CREATE TRIGGER invoice_payments_kept BEFORE DELETE ON invoice_payments FOR EACH ROW EXECUTE FUNCTION refuse_invoice_change()');

    await runner.query(`
      CREATE FUNCTION check_invoice_adds_up() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        invoice uuid;
        total bigint;
        sum_of_lines numeric;
        line_count bigint;
        foreign_lines bigint;
      BEGIN
        IF TG_TABLE_NAME = 'invoices' THEN invoice := NEW.id; ELSE invoice := NEW.invoice_id; END IF;
        SELECT i.total, coalesce(sum(l.line_total), 0), count(l.line_no), count(l.line_no) FILTER (WHERE l.currency <> i.currency)
          INTO total, sum_of_lines, line_count, foreign_lines
          FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id
         WHERE i.id = invoice
         GROUP BY i.total;
        IF line_count = 0 OR sum_of_lines <> total OR foreign_lines > 0 THEN
          RAISE EXCEPTION 'invoice % does not add up: % lines totalling % for a total of %', invoice, line_count, sum_of_lines, total
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['invoices', 'invoice_lines']) {
      await runner.query(`CREATE CONSTRAINT TRIGGER ${table}_add_up AFTER INSERT ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_invoice_adds_up()`);
    }

    await runner.query(`
      CREATE FUNCTION count_invoice_numbers_by_one() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.year <> OLD.year OR NEW.last_number <> OLD.last_number + 1 THEN
          RAISE EXCEPTION 'invoice numbers are handed out one at a time, never taken back: % on invoice_number_counters refused', TG_OP
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(
      'CREATE TRIGGER invoice_number_counters_by_one BEFORE UPDATE OR DELETE ON invoice_number_counters FOR EACH ROW EXECUTE FUNCTION count_invoice_numbers_by_one()',
    );
    await runner.query(`
      CREATE FUNCTION check_invoice_number_used() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM invoices WHERE year = NEW.year AND sequence = NEW.last_number) THEN
          RAISE EXCEPTION 'invoice number %-% was handed out but no invoice bears it', NEW.year, NEW.last_number
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER invoice_number_counters_used AFTER INSERT OR UPDATE ON invoice_number_counters
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_invoice_number_used()`);
    await runner.query(`
      CREATE FUNCTION check_invoice_number_handed_out() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM invoice_number_counters WHERE year = NEW.year AND last_number >= NEW.sequence) THEN
          RAISE EXCEPTION 'invoice number %-% was not handed out by the year''s counter', NEW.year, NEW.sequence
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query('CREATE TRIGGER invoices_number_handed_out BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION check_invoice_number_handed_out()');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE invoice_payments');
    await runner.query('DROP TABLE invoice_lines');
    await runner.query('DROP TABLE invoices');
    await runner.query('DROP TABLE invoice_number_counters');
    for (const fn of ['check_invoice_number_handed_out', 'check_invoice_number_used', 'count_invoice_numbers_by_one', 'check_invoice_adds_up', 'refuse_invoice_change']) {
      await runner.query(`DROP FUNCTION ${fn}()`);
    }
  }
}
