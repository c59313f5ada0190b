import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several numbers of a year's series in one round trip, for a transaction that issues many invoices
 * at once (a run of dispatches handled together): `take_invoice_numbers(counters, year, count)`
 * steps the year's counter `count` times with the very statement that takes one number, so every
 * guard on the counters holds as before (one step at a time, never back, every number handed out on
 * an invoice at commit), and answers the numbers in order. It runs with its caller's rights, and
 * only on the two counter tables.
 *
 * Additive only: the previous release never calls it.
 */
export class TakeInvoiceNumbers1765200000000 implements MigrationInterface {
  name = 'TakeInvoiceNumbers1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION take_invoice_numbers(counters regclass, for_year integer, how_many integer) RETURNS SETOF integer
      LANGUAGE plpgsql SECURITY INVOKER AS $$
      DECLARE
        taken integer;
      BEGIN
        IF counters NOT IN ('invoice_number_counters'::regclass, 'seller_invoice_number_counters'::regclass) THEN
          RAISE EXCEPTION 'take_invoice_numbers counts on the invoice number counters only, not on %', counters;
        END IF;
        FOR step IN 1..how_many LOOP
          EXECUTE format('INSERT INTO %s AS counter (year, last_number) VALUES ($1, 1)
                          ON CONFLICT (year) DO UPDATE SET last_number = counter.last_number + 1
                          RETURNING counter.last_number', counters)
             INTO taken USING for_year;
          RETURN NEXT taken;
        END LOOP;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION take_invoice_numbers(regclass, integer, integer)');
  }
}
