import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `bazaar_expect_rows(tag, actual, expected)`: raises SQLSTATE BZ409 with `tag` as its message
 * when `actual` differs from `expected`. A unit of work's closing statement (`Transactions`,
 * `combined`) checks each part's row count with it, so a failed version check or a key someone
 * else holds makes the whole statement write nothing — also when it runs alone, without a
 * transaction around it.
 */
export class ExpectRowsFunction1763760000000 implements MigrationInterface {
  name = 'ExpectRowsFunction1763760000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION bazaar_expect_rows(tag text, actual bigint, expected bigint) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF actual <> expected THEN
          RAISE EXCEPTION USING ERRCODE = 'BZ409', MESSAGE = tag, DETAIL = format('%s rows written, %s expected', actual, expected);
        END IF;
        RETURN true;
      END
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION bazaar_expect_rows(text, bigint, bigint)');
  }
}

/** The platform's own database objects every context database carries; contexts run these before their own migrations. */
export const databaseMigrations = [ExpectRowsFunction1763760000000] as const;
