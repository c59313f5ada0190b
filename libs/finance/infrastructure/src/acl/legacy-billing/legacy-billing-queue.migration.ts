import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The anticorruption layer's durable queue to the legacy billing system: one row per request the
 * legacy system must receive (open an Account, create a Contract, post a charge), written in the
 * transaction of the business change that calls for it, keyed by the unique reference that the
 * legacy record will carry. `state` is the posting ledger: pending → sent (an attempt may have
 * reached it) → accepted (it answered with its number) → confirmed (its journal said posted), or
 * rejected (it refused for good; a person looks). `legacy_billing_journal` keeps how far Finance
 * has read the legacy system's journal of confirmations.
 */
export class CreateLegacyBillingQueue1765100000001 implements MigrationInterface {
  name = 'CreateLegacyBillingQueue1765100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE legacy_billing_requests (
        reference       text        PRIMARY KEY,
        kind            text        NOT NULL CHECK (kind IN ('open_account', 'create_contract', 'post_charge')),
        depends_on      text        REFERENCES legacy_billing_requests (reference),
        invoice_id      uuid,
        line_no         integer,
        body            jsonb       NOT NULL,
        state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'accepted', 'confirmed', 'rejected')),
        legacy_number   text,
        attempts        integer     NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        leased_until    timestamptz,
        last_error      text,
        created_at      timestamptz NOT NULL,
        confirmed_at    timestamptz,
        CHECK ((kind = 'post_charge') = (invoice_id IS NOT NULL AND line_no IS NOT NULL)),
        CHECK (state NOT IN ('accepted', 'confirmed') OR legacy_number IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX legacy_billing_requests_due ON legacy_billing_requests (next_attempt_at) WHERE state IN ('pending', 'sent')`);
    await runner.query(`CREATE INDEX legacy_billing_requests_number ON legacy_billing_requests (legacy_number)`);
    await runner.query(`
      CREATE TABLE legacy_billing_journal (
        feed     text    PRIMARY KEY,
        position integer NOT NULL CHECK (position >= 0)
      )`);
    await runner.query(`INSERT INTO legacy_billing_journal (feed, position) VALUES ('charges', 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE legacy_billing_journal');
    await runner.query('DROP TABLE legacy_billing_requests');
  }
}
