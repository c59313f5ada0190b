import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sellers' subscriptions, their billing accounts and the invoices of their periods.
 *
 * Three aggregates, three tables that only name each other: `subscriptions` (plan, status, current
 * period; version-checked), `billing_accounts` (one per seller) and `seller_invoices` with their
 * lines (append-only, one per subscription and period start). Seller invoices are numbered in their
 * own yearly series (`seller_invoice_number_counters`), kept honest by the same rules as the
 * buyers' invoices: the counter moves up by one, every number handed out is on an invoice at
 * commit, and an invoice bears only a number handed out. `invoice_line_recordings` says which lines
 * the books of record have posted, each once.
 */
export class CreateSubscriptions1765100000000 implements MigrationInterface {
  name = 'CreateSubscriptions1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE billing_accounts (
        id                 uuid        PRIMARY KEY,
        seller_id          text        NOT NULL CONSTRAINT billing_accounts_seller_id_key UNIQUE,
        billing_party      text        NOT NULL,
        payment_method_ref text        NOT NULL,
        opened_at          timestamptz NOT NULL,
        version            integer     NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE subscriptions (
        id               uuid        PRIMARY KEY,
        seller_id        text        NOT NULL REFERENCES billing_accounts (seller_id),
        plan             text        NOT NULL,
        price            bigint      NOT NULL CHECK (price > 0),
        currency         char(3)     NOT NULL,
        period_length_ms bigint      NOT NULL CHECK (period_length_ms >= 1000),
        period_start     timestamptz NOT NULL,
        period_end       timestamptz NOT NULL,
        status           text        NOT NULL CHECK (status IN ('active', 'cancelled')),
        started_at       timestamptz NOT NULL,
        cancelled_at     timestamptz,
        version          integer     NOT NULL,
        CHECK (period_end > period_start),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    // The renewal scheduler's question: which active subscriptions' periods have ended.
    await runner.query(`CREATE INDEX subscriptions_due ON subscriptions (period_end) WHERE status = 'active'`);
    await runner.query(`
      CREATE TABLE seller_invoice_number_counters (
        year        integer PRIMARY KEY CHECK (year BETWEEN 1000 AND 9999),
        last_number integer NOT NULL CHECK (last_number >= 1)
      )`);
    await runner.query(`
      CREATE TABLE seller_invoices (
        id                 uuid        PRIMARY KEY,
        year               integer     NOT NULL,
        sequence           integer     NOT NULL CHECK (sequence >= 1),
        subscription_id    uuid        NOT NULL REFERENCES subscriptions (id),
        seller_id          text        NOT NULL,
        billing_account_id uuid        NOT NULL REFERENCES billing_accounts (id),
        plan               text        NOT NULL,
        period_start       timestamptz NOT NULL,
        period_end         timestamptz NOT NULL,
        total              bigint      NOT NULL CHECK (total > 0),
        currency           char(3)     NOT NULL,
        issued_at          timestamptz NOT NULL,
        CONSTRAINT seller_invoices_number_key UNIQUE (year, sequence),
        CONSTRAINT seller_invoices_period_key UNIQUE (subscription_id, period_start),
        CONSTRAINT seller_invoices_year_check CHECK (year = extract(year FROM issued_at AT TIME ZONE 'UTC'))
      )`);
    await runner.query(`
      CREATE TABLE seller_invoice_lines (
        invoice_id  uuid    NOT NULL REFERENCES seller_invoices (id),
        line_no     integer NOT NULL CHECK (line_no >= 1),
        description text    NOT NULL,
        amount      bigint  NOT NULL CHECK (amount > 0),
        currency    char(3) NOT NULL,
        PRIMARY KEY (invoice_id, line_no)
      )`);
    await runner.query(`
      CREATE TABLE invoice_line_recordings (
        invoice_id         uuid        NOT NULL,
        line_no            integer     NOT NULL,
        external_reference text        NOT NULL,
        recorded_at        timestamptz NOT NULL,
        PRIMARY KEY (invoice_id, line_no),
        FOREIGN KEY (invoice_id, line_no) REFERENCES seller_invoice_lines (invoice_id, line_no)
      )`);
    for (const table of ['seller_invoices', 'seller_invoice_lines', 'invoice_line_recordings']) {
      await runner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_invoice_change()`);
    }
    // The counter rules of the buyers' series (count_invoice_numbers_by_one is table-agnostic).
    await runner.query(
      'CREATE TRIGGER seller_invoice_number_counters_by_one BEFORE UPDATE OR DELETE ON seller_invoice_number_counters FOR EACH ROW EXECUTE FUNCTION count_invoice_numbers_by_one()',
    );
    await runner.query(`
      CREATE FUNCTION check_seller_invoice_number_used() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM seller_invoices WHERE year = NEW.year AND sequence = NEW.last_number) THEN
          RAISE EXCEPTION 'seller invoice number S%-% was handed out but no invoice bears it', NEW.year, NEW.last_number
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER seller_invoice_number_counters_used AFTER INSERT OR UPDATE ON seller_invoice_number_counters
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_seller_invoice_number_used()`);
    await runner.query(`
      CREATE FUNCTION check_seller_invoice_number_handed_out() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM seller_invoice_number_counters WHERE year = NEW.year AND last_number >= NEW.sequence) THEN
          RAISE EXCEPTION 'seller invoice number S%-% was not handed out by the year''s counter', NEW.year, NEW.sequence
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query('CREATE TRIGGER seller_invoices_number_handed_out BEFORE INSERT ON seller_invoices FOR EACH ROW EXECUTE FUNCTION check_seller_invoice_number_handed_out()');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['invoice_line_recordings', 'seller_invoice_lines', 'seller_invoices', 'seller_invoice_number_counters', 'subscriptions', 'billing_accounts']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('DROP FUNCTION check_seller_invoice_number_handed_out()');
    await runner.query('DROP FUNCTION check_seller_invoice_number_used()');
  }
}
