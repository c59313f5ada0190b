import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AccessRefused } from './access-refused';
import { Caller, callerOf, RequestWithCaller } from './caller';

/** `@VerifiedCaller() caller: Caller` in a route with an `@Allow` rule: who calls, from the verified token. */
export const VerifiedCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = callerOf(context.switchToHttp().getRequest<RequestWithCaller>());
  // Only a public route has no caller, and a public route has no business asking for one.
  if (!caller) throw AccessRefused.unauthenticated('token_missing', 'A bearer token is required');
  return caller;
});

/** Whether the caller holds any of these roles (admin holds them all). */
export function holdsAny(caller: Caller, ...roles: readonly Caller['roles'][number][]): boolean {
  return caller.roles.some((role) => role === 'admin' || roles.includes(role));
}
