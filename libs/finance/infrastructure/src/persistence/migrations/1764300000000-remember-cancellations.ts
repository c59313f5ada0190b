import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sale remembers when Finance heard that its order was cancelled, so that a payment
 * authorization heard after it (replayed from the dead letters) defers nothing. Like the terms and
 * the dispatch, it is fixed once known (the trigger now guards it too).
 *
 * Additive only: the previous release keeps working against it during a rollout (it neither reads
 * nor writes the column).
 */
export class RememberCancellations1764300000000 implements MigrationInterface {
  name = 'RememberCancellations1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE sales ADD COLUMN cancelled_at timestamptz');
    await runner.query(`
      CREATE OR REPLACE FUNCTION keep_sale_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE'
           OR (OLD.buyer_id IS NOT NULL AND (NEW.buyer_id, NEW.lines, NEW.total, NEW.currency) IS DISTINCT FROM (OLD.buyer_id, OLD.lines, OLD.total, OLD.currency))
           OR (OLD.shipment_id IS NOT NULL AND (NEW.shipment_id, NEW.dispatched_at) IS DISTINCT FROM (OLD.shipment_id, OLD.dispatched_at))
           OR (OLD.cancelled_at IS NOT NULL AND NEW.cancelled_at IS DISTINCT FROM OLD.cancelled_at) THEN
          RAISE EXCEPTION 'a sale''s terms, dispatch and cancellation are fixed once known: % on sales refused', TG_OP
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION keep_sale_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE'
           OR (OLD.buyer_id IS NOT NULL AND (NEW.buyer_id, NEW.lines, NEW.total, NEW.currency) IS DISTINCT FROM (OLD.buyer_id, OLD.lines, OLD.total, OLD.currency))
           OR (OLD.shipment_id IS NOT NULL AND (NEW.shipment_id, NEW.dispatched_at) IS DISTINCT FROM (OLD.shipment_id, OLD.dispatched_at)) THEN
          RAISE EXCEPTION 'a sale''s terms and dispatch are fixed once known: % on sales refused', TG_OP
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query('ALTER TABLE sales DROP COLUMN cancelled_at');
  }
}
