/** The roles a bearer token can grant; the names are part of the public contract (tokens, tools, docs). */
export const roles = ['buyer', 'risk-analyst', 'warehouse', 'finance', 'seller', 'support', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who calls: the verified token's subject and the roles it grants. */
export interface Caller {
  readonly subject: string;
  readonly roles: readonly Role[];
}

/** A request once the access guard has verified its bearer token. */
export interface RequestWithCaller {
  caller?: Caller;
}

/** The verified caller of a request, or undefined on a route that needs no token (health, docs, metrics). */
export function callerOf(request: RequestWithCaller): Caller | undefined {
  return request.caller;
}
