import { workspace } from './k8s-manifests';
import { legacyVocabularyIn, legacyVocabularyOutsideItsHomes, sourcesOutsideTheLegacyHomes } from './legacy-vocabulary';

/**
 * Finance speaks to the legacy billing system only through its anticorruption layer: the legacy
 * system's words (Account, Contract, ChargeCode and its field names) appear in that folder and in
 * the legacy app, nowhere else.
 */
describe('The legacy billing vocabulary', () => {
  it('appears only in Finance’s legacy billing ACL and the legacy app', () => {
    expect(legacyVocabularyOutsideItsHomes(workspace)).toEqual([]);
  });

  it('is looked for in every context’s code, Finance’s first (outside the ACL folder)', () => {
    const scanned = sourcesOutsideTheLegacyHomes(workspace);
    expect(scanned).toContain('libs/finance/infrastructure/src/persistence/typeorm-subscriptions.ts');
    expect(scanned).toContain('libs/finance/domain/src/billing-account/billing-account.ts');
    expect(scanned.some((path) => path.startsWith('libs/finance/infrastructure/src/acl/legacy-billing/'))).toBe(false);
    expect(scanned.some((path) => path.startsWith('apps/legacy-billing/'))).toBe(false);
  });

  describe('bites on', () => {
    it.each([
      ['a legacy noun as a type', 'export interface Contract { id: string }'],
      ['a legacy noun as a variable', 'const Account = load();'],
      ['a ChargeCode anywhere in a name', 'const subscriptionChargeCode = "SUBFEE";'],
      ['a legacy operation', 'await client.createContract(body);'],
      ['a legacy number', 'const accountNo = row.id;'],
      ['a legacy field name in a string', "manager.query('SELECT ACCNO FROM x');"],
    ])('%s', (_, source) => {
      expect(legacyVocabularyIn(source)).not.toEqual([]);
    });
  });

  describe('leaves alone', () => {
    it.each([
      ['Finance’s billing account', 'export class BillingAccount {}\nconst billingAccountId = "x";'],
      ['the ledger’s accounts', "const ledgerAccounts = ['accounts_receivable'];"],
      ['the published language’s contracts', 'for (const contract of allContracts) use(contract as EventContract);'],
      ['prose in comments', '// the legacy Account and its Contract\n/* ChargeCode */ const x = 1;'],
    ])('%s', (_, source) => {
      expect(legacyVocabularyIn(source)).toEqual([]);
    });
  });
});
