import { Role, roles } from '../access/caller';
import { registeredRoutes } from './routes';
import { Credentials, ServiceUnderTest } from './service-under-test';

export interface AccessRow {
  /** The route as registered: `METHOD /path/:param`. */
  readonly route: string;
  /** The roles the route's rule lets in (admin always passes and is not listed). */
  readonly allowed: readonly Exclude<Role, 'admin'>[];
  /**
   * The request a caller with `role` sends: a resource that is theirs where ownership matters
   * (`matrixSubject(role)` is their token's subject), so that only the rule can refuse it.
   */
  readonly request: (role: Role) => { readonly path: string; readonly body?: unknown };
}

/** Routes that need no token; everything else must have a row. */
const publicRoutes = /^GET \/health\//;

/** The subject of the token the matrix sends for a role. */
export function matrixSubject(role: Role): string {
  return `matrix-${role}`;
}

/**
 * The role matrix of a service, as real requests over HTTP with real tokens: every route refuses
 * a missing or bad token (401), every role its rule does not name (403), and lets in the roles it
 * names and admin. It fails when the service registers a route the table has no row for.
 */
export function describeAccessMatrix(service: () => ServiceUnderTest, rows: readonly AccessRow[]): void {
  it('has a row for every route the service serves, and only those', () => {
    const [app] = service().instances;
    const served = registeredRoutes(app as NonNullable<typeof app>).filter((route) => !publicRoutes.test(route));
    expect(rows.map((row) => row.route).sort()).toEqual(served);
  });

  describe.each(rows.map((row) => [row.route, row] as const))('%s', (_route, row) => {
    const send = (role: Role, as: Credentials) => {
      const { path, body } = row.request(role);
      return service().call<{ code?: string }>(methodOf(row), path, { body, as });
    };

    it('answers 401 problem+json with a Bearer challenge to a request without a token', async () => {
      const answer = await send('buyer', 'anonymous');
      expect([answer.status, answer.contentType?.split(';')[0], answer.body.code]).toEqual([401, 'application/problem+json', 'token_missing']);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="bazaar"');
    });

    it('answers 401 to a token signed by an unknown key, expired, for another audience or from another issuer', async () => {
      const { issuer } = service();
      const role = row.allowed[0] ?? 'admin';
      const bad = await Promise.all([
        issuer.stranger(role, matrixSubject(role)),
        issuer.token(role, matrixSubject(role), { expiresIn: -120 }),
        issuer.token(role, matrixSubject(role), { audience: 'another-api' }),
        issuer.token(role, matrixSubject(role), { issuer: 'https://issuer.example' }),
      ]);
      const answers = await Promise.all(bad.map((token) => send(role, { token })));
      expect(answers.map((answer) => answer.headers.get('www-authenticate'))).toEqual(answers.map(() => expect.stringMatching(/^Bearer realm="bazaar", error="invalid_token"/)));
      expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual([
        [401, 'token_invalid'],
        [401, 'token_expired'],
        [401, 'token_invalid'],
        [401, 'token_invalid'],
      ]);
    });

    it.each(roles.filter((role) => role !== 'admin' && !row.allowed.includes(role)))('refuses a %s (403 role_not_allowed)', async (role) => {
      const answer = await send(role, { role, subject: matrixSubject(role) });
      expect([answer.status, answer.body.code]).toEqual([403, 'role_not_allowed']);
    });

    it.each([...row.allowed, 'admin' as const])('lets a %s in', async (role) => {
      const answer = await send(role, { role, subject: matrixSubject(role) });
      // Past the rule: the route itself answers (a 409 for a step already taken is fine, a refusal is not).
      expect({ status: answer.status, refused: [401, 403, 404].includes(answer.status) || answer.status >= 500 }).toEqual({ status: answer.status, refused: false });
    });
  });
}

function methodOf(row: AccessRow): string {
  return row.route.split(' ')[0] ?? 'GET';
}
