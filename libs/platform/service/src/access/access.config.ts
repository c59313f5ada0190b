import { z } from 'zod';

/**
 * Bearer-token settings: the services are OAuth2 resource servers of one issuer. Locally that is
 * the stack's issuer (`tools/stack/issuer.mjs`, port 3009); in a cluster, the identity provider's URL.
 */
export const accessConfigFields = {
  /** The `iss` every token must carry; also where the signing keys are discovered. */
  AUTH_ISSUER: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3009'),
  /** The `aud` every token must carry (one of them, when it is a list). */
  AUTH_AUDIENCE: z.string().trim().min(1).default('bazaar'),
  /** Where the issuer publishes its keys; by default its OIDC discovery document's `jwks_uri`, else `<issuer>/.well-known/jwks.json`. */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The claim holding the caller's roles, a dotted path for nested claims (Keycloak: `realm_access.roles`). */
  AUTH_ROLES_CLAIM: z
    .string()
    .regex(/^[\w:.-]{1,100}$/)
    .refine((path) => path.split('.').every(Boolean), 'a claim name or a dotted path of them')
    .default('roles'),
  /** Signature algorithms accepted; anything else (`none`, HMAC with a public key) is refused. */
  AUTH_ALGORITHMS: z
    .string()
    .default('RS256,ES256')
    .transform((value) =>
      value
        .split(',')
        .map((algorithm) => algorithm.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'])).min(1)),
  /** Leeway for `exp` and `nbf` against clocks that drift apart. */
  AUTH_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
};
