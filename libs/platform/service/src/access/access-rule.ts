import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblem } from '../http/api-problem';
import { Role } from './caller';

/** Who may call a route: anyone (no token), or a caller holding one of the roles. Admin passes every rule. */
export type AccessRule = { readonly public: true } | { readonly roles: readonly Role[] };

export const ACCESS_RULE = Symbol('AccessRule');

/** The OpenAPI name of the bearer scheme every protected route requires. */
export const BEARER_SCHEME = 'bearer';

/**
 * The roles that may call a route (or every route of a controller); `admin` always may, audited.
 * Ownership (a buyer's own order) is checked by the route itself with the {@link Caller}.
 */
export function Allow(...roles: readonly [Role, ...Role[]]) {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule),
    ApiBearerAuth(BEARER_SCHEME),
    ApiProblem(401, ['token_missing', 'token_invalid', 'token_expired']),
    ApiProblem(403, ['role_not_allowed']),
  );
}

/** A route anyone may call without a token (health probes). Every other route needs {@link Allow}. */
export function Public() {
  return SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
}
