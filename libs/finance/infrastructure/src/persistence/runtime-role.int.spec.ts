import { runtimePrivilegesOn } from '@bazaar/platform-database';
import { describeRuntimeRole } from '@bazaar/platform-service/testing';
import { financeService } from '../finance.service';
import { financeRuntimeGrants } from './runtime-grants';

describeRuntimeRole(financeService);

describe("Finance's declared runtime grants", () => {
  it('keep the ledger and issued invoices insert-only', () => {
    for (const table of ['revenue_events', 'ledger_lines', 'invoices', 'invoice_lines']) {
      expect({ table, privileges: runtimePrivilegesOn(table, financeRuntimeGrants) }).toEqual({ table, privileges: ['SELECT', 'INSERT'] });
    }
  });
});
