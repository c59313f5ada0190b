import { RuntimeGrants } from '@bazaar/platform-database';

/**
 * What Finance's runtime role may do, table by table (the rest: SELECT, INSERT, UPDATE, DELETE).
 * The ledger and issued invoices are append-only: the role can add to them and read them, never
 * change, delete or truncate them (the triggers still refuse a careless owner). A sale, an invoice's
 * payment state and a year's invoice counter change but are never deleted.
 */
export const financeRuntimeGrants: RuntimeGrants = {
  tables: {
    revenue_events: ['SELECT', 'INSERT'],
    ledger_lines: ['SELECT', 'INSERT'],
    invoices: ['SELECT', 'INSERT'],
    invoice_lines: ['SELECT', 'INSERT'],
    invoice_payments: ['SELECT', 'INSERT', 'UPDATE'],
    invoice_number_counters: ['SELECT', 'INSERT', 'UPDATE'],
    sales: ['SELECT', 'INSERT', 'UPDATE'],
  },
};
