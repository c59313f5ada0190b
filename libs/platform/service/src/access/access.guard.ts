import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServiceConfig } from '../config';
import { JsonLogger } from '../logger';
import { SERVICE_CONFIG, SERVICE_LOGGER } from '../tokens';
import { AccessRefused } from './access-refused';
import { ACCESS_RULE, AccessRule } from './access-rule';
import { Caller, RequestWithCaller } from './caller';
import { TokenRefused, TokenVerifier } from './token-verifier';

interface HttpRequest extends RequestWithCaller {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly routeOptions?: { readonly url?: string };
}

/**
 * Every HTTP route's gate, fail-closed: a route without an {@link AccessRule} is refused to
 * everyone; a public route needs nothing; any other needs a valid bearer token whose caller holds
 * one of the route's roles, or `admin` (each admin request is written to the audit log).
 * The verified caller is left on the request for the route and for rate limiting.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {
    this.verifier = new TokenVerifier(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka handlers share the app's global guards; messages are trusted by their topic, not a token.
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<HttpRequest>();
    if (rule && 'public' in rule) return true;
    const caller = await this.authenticate(request);
    request.caller = caller;
    if (!rule) {
      this.logger.error({ msg: 'route has no access rule; refused', route: routeOf(request), method: request.method });
      throw AccessRefused.forbidden('route_not_allowed', 'No one may call this route');
    }
    if (caller.roles.includes('admin')) {
      this.logger.log({ msg: 'admin action', audit: true, subject: caller.subject, method: request.method, route: routeOf(request), url: request.url });
      return true;
    }
    if (caller.roles.some((role) => rule.roles.includes(role))) return true;
    throw AccessRefused.forbidden('role_not_allowed', 'Your roles do not allow this');
  }

  private async authenticate(request: HttpRequest): Promise<Caller> {
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim()) : null;
    if (!match?.[1]) throw AccessRefused.unauthenticated('token_missing', 'A bearer token is required');
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (!(error instanceof TokenRefused)) throw error;
      if (error.code === 'issuer_unavailable') throw new AccessRefused(HttpStatus.SERVICE_UNAVAILABLE, error.code, error.message);
      throw AccessRefused.unauthenticated(error.code, error.message);
    }
  }
}

function routeOf(request: HttpRequest): string {
  return request.routeOptions?.url ?? request.url;
}
