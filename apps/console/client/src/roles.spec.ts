import { can, homeOf, isRole, roles } from './roles';

describe('What each role sees in the console', () => {
  it('gives support the lookup and cases, risk analysts the fraud queue, warehouse staff the warehouse, finance the ledger, admins everything', () => {
    const screens = ['lookup', 'cases', 'fraud', 'warehouse', 'ledger'] as const;
    const seen = Object.fromEntries(roles.map((role) => [role, screens.filter((screen) => can(role, screen))]));
    expect(seen).toEqual({
      support: ['lookup', 'cases'],
      'risk-analyst': ['lookup', 'fraud'],
      warehouse: ['warehouse'],
      finance: ['lookup', 'ledger'],
      admin: ['lookup', 'cases', 'fraud', 'warehouse', 'ledger'],
      buyer: [],
      seller: [],
    });
  });

  it('lands each role on a screen it may use', () => {
    expect([homeOf('support'), homeOf('warehouse'), homeOf('buyer')]).toEqual(['#/lookup', '#/warehouse', '#/']);
  });

  it('knows only the roles the services know', () => {
    expect([isRole('admin'), isRole('root'), isRole(undefined)]).toEqual([true, false, false]);
  });
});
