/** The roles a person signs in with, as the services name them. */
export const roles = ['support', 'risk-analyst', 'warehouse', 'finance', 'admin', 'buyer', 'seller'] as const;
export type Role = (typeof roles)[number];

/** The console's screens. */
export type Screen = 'lookup' | 'cases' | 'fraud' | 'warehouse' | 'ledger';

/**
 * What each role sees. The services decide what a caller may do; the console only hides what would
 * be refused, so a person is not offered buttons that answer 403.
 */
const screensOf: Record<Role, readonly Screen[]> = {
  support: ['lookup', 'cases'],
  'risk-analyst': ['lookup', 'fraud'],
  warehouse: ['warehouse'],
  finance: ['lookup', 'ledger'],
  admin: ['lookup', 'cases', 'fraud', 'warehouse', 'ledger'],
  buyer: [],
  seller: [],
};

export function can(role: Role, screen: Screen): boolean {
  return screensOf[role].includes(screen);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** The page a role lands on after signing in. */
export function homeOf(role: Role): string {
  if (can(role, 'lookup')) return '#/lookup';
  if (can(role, 'warehouse')) return '#/warehouse';
  return '#/';
}
