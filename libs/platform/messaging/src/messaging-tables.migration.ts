import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables every context database carries. Contexts list this migration first in
 * their own migration set; it is the same SQL everywhere, owned by the platform.
 */
export class CreateMessagingTables1763700000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        position     bigserial PRIMARY KEY,
        event_id     uuid        NOT NULL UNIQUE,
        topic        text        NOT NULL,
        message_key  text        NOT NULL,
        event_type   text        NOT NULL,
        payload      jsonb       NOT NULL,
        headers      jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await runner.query('CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL');
    await runner.query('CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL');
    await runner.query(`
      CREATE TABLE inbox (
        consumer    text        NOT NULL,
        event_id    uuid        NOT NULL,
        event_type  text        NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TABLE outbox');
  }
}
