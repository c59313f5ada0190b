import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support's own aggregate, apart from the projection: a rebuild truncates `case_order_views` and
 * never touches these tables. A case's entries are only ever appended (a resolved case is
 * reopened, never edited), so they are rows of their own, numbered per case.
 */
export class CreateSupportCases1764100000000 implements MigrationInterface {
  name = 'CreateSupportCases1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE support_cases (
        id          uuid        PRIMARY KEY,
        order_id    uuid        NOT NULL,
        subject     text        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
        description text        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
        status      text        NOT NULL CHECK (status IN ('open', 'resolved')),
        opened_by   text        NOT NULL,
        opened_at   timestamptz NOT NULL,
        version     integer     NOT NULL CHECK (version > 0)
      )`);
    await runner.query('CREATE INDEX support_cases_order_id_idx ON support_cases (order_id, opened_at)');
    await runner.query(`
      CREATE TABLE support_case_entries (
        case_id  uuid        NOT NULL REFERENCES support_cases (id),
        entry_no integer     NOT NULL CHECK (entry_no > 0),
        kind     text        NOT NULL CHECK (kind IN ('comment', 'resolution', 'reopening')),
        actor    text        NOT NULL,
        at       timestamptz NOT NULL,
        text     text        CHECK ((kind = 'reopening') = (text IS NULL)),
        PRIMARY KEY (case_id, entry_no)
      )`);
    // GET /case-order-views?buyerId=: the buyer is inside the view's JSON document.
    await runner.query(`CREATE INDEX case_order_views_buyer_idx ON case_order_views ((view -> 'checkout' ->> 'buyerId'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX case_order_views_buyer_idx');
    await runner.query('DROP TABLE support_case_entries');
    await runner.query('DROP TABLE support_cases');
  }
}
