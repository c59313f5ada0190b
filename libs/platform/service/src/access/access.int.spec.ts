import { Controller, Get, Module } from '@nestjs/common';
import { ServiceUnderTest } from '../testing/service-under-test';
import type { ServiceConfig } from '../config';
import { Allow, Public } from './access-rule';

@Controller('probe')
class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('guarded')
  @Allow('finance')
  guarded() {
    return { guarded: true };
  }

  /** Someone forgot the rule: nobody may call it. */
  @Get('forgotten')
  forgotten() {
    return { forgotten: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

// Borrows Support's name: its dead-letter topic is declared, so the namespace holds one.
const probeService = (config: ServiceConfig) => ({
  definition: { name: 'support', migrations: [], consumes: [] },
  config,
  module: ProbeModule,
  openApi: { title: 'probe', description: 'a service for platform specs' },
});

describe('the access guard of every service (real tokens over HTTP)', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await ServiceUnderTest.start(probeService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('refuses a route without an access rule to everyone, admin included (fail-closed)', async () => {
    const answers = [await service.get('/probe/forgotten'), await service.get('/probe/forgotten', 'anonymous')];

    expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual([
      [403, 'route_not_allowed'],
      [401, 'token_missing'],
    ]);
  });

  it('lets anyone call a public route and the health probes, without a token', async () => {
    expect((await service.get('/probe/open', 'anonymous')).status).toBe(200);
    expect((await service.get('/health/live', 'anonymous')).status).toBe(200);
  });

  it('reads the roles from the configured claim, a dotted path for Keycloak’s realm_access.roles', async () => {
    const keycloak = await ServiceUnderTest.start(probeService, { env: { AUTH_ROLES_CLAIM: 'realm_access.roles' } });
    try {
      const realmRoles = await service.issuer.token([], 'kc-user', { claims: { realm_access: { roles: ['finance', 'offline_access'] } } });
      const topLevelOnly = await service.issuer.token(['finance'], 'kc-user');

      expect((await keycloak.get('/probe/guarded', { token: realmRoles })).status).toBe(200);
      expect((await keycloak.get('/probe/guarded', { token: topLevelOnly })).status).toBe(403);
    } finally {
      await keycloak.stop();
    }
  });

  it('answers 503 issuer_unavailable while the issuer’s keys cannot be fetched', async () => {
    const cutOff = await ServiceUnderTest.start(probeService, { env: { AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json', LOG_LEVEL: 'silent' } });
    try {
      const answer = await cutOff.get('/probe/guarded', { role: 'finance' });

      expect([answer.status, answer.body['code']]).toEqual([503, 'issuer_unavailable']);
    } finally {
      await cutOff.stop();
    }
  });

  it('documents the bearer scheme, and the 401 and 403 answers, on every guarded route', async () => {
    const document = await service.get<{ paths: Record<string, { get: { security?: unknown; responses: Record<string, unknown> } }> }>('/docs/openapi.json', 'anonymous');

    expect(document.body.paths['/probe/guarded']?.get).toMatchObject({ security: [{ bearer: [] }], responses: { 401: expect.anything(), 403: expect.anything() } });
    expect(document.body.paths['/probe/open']?.get.security).toBeUndefined();
  });
});
