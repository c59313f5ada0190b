import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key belongs to its caller: the key is unique per `scope` (the caller's subject,
 * `anonymous` for requests without one, as every key stored so far was). Keys expire; the index on
 * `created_at` serves the purge and nothing else.
 */
export class ScopeIdempotencyKeys1765100000000 implements MigrationInterface {
  name = 'ScopeIdempotencyKeys1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE idempotency_keys ADD COLUMN scope text NOT NULL DEFAULT 'anonymous'`);
    await runner.query('ALTER TABLE idempotency_keys ALTER COLUMN scope DROP DEFAULT');
    await runner.query('ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey');
    await runner.query('ALTER TABLE idempotency_keys ADD PRIMARY KEY (scope, key)');
    await runner.query('CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX idempotency_keys_created_at');
    await runner.query('ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey');
    await runner.query(`DELETE FROM idempotency_keys WHERE scope <> 'anonymous'`);
    await runner.query('ALTER TABLE idempotency_keys ADD PRIMARY KEY (key)');
    await runner.query('ALTER TABLE idempotency_keys DROP COLUMN scope');
  }
}
