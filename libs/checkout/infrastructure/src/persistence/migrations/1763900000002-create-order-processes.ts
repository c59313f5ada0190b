import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One process per order. `due_at` and `deadline_at` are what the sweeps poll on (derived from the
 * process when it is saved); `claimed_until` is a sweeper's lease, so replicas do not carry out
 * the same process at once. Saving the process clears the lease.
 */
export class CreateOrderProcesses1763900000002 implements MigrationInterface {
  name = 'CreateOrderProcesses1763900000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE order_processes (
        order_id              uuid        PRIMARY KEY REFERENCES orders (id),
        step                  text        NOT NULL CHECK (step IN ('screening', 'awaiting_fraud_review', 'authorizing',
          'awaiting_inventory', 'confirmed', 'cancelling', 'cancelled', 'completed')),
        started_at            timestamptz NOT NULL,
        pending               jsonb       NOT NULL,
        attempts              integer     NOT NULL,
        next_attempt_at       timestamptz,
        fraud_review          text        CHECK (fraud_review IN ('pending', 'approved', 'rejected')),
        authorization_id      text,
        authorization_voided  boolean     NOT NULL,
        reservation_deadline  timestamptz,
        inventory             text        CHECK (inventory IN ('reserved', 'failed')),
        cancellation_reason   text,
        due_at                timestamptz,
        deadline_at           timestamptz,
        claimed_until         timestamptz,
        version               integer     NOT NULL,
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX order_processes_due ON order_processes (due_at) WHERE due_at IS NOT NULL');
    await runner.query('CREATE INDEX order_processes_deadline ON order_processes (deadline_at) WHERE deadline_at IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE order_processes');
  }
}
