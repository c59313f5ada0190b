import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * Recorded as the actor while the services do not verify bearer tokens yet: every action then has
 * an author, and the seam below is the one place that changes when they do.
 */
export const placeholderActor = 'unauthenticated-agent';

/**
 * Who acts: the `sub` of the caller's verified token, which the authentication guard leaves on the
 * request as `request.user`. Without one (no guard in front yet) it is {@link placeholderActor}.
 */
export function actorOf(request: { readonly user?: { readonly sub?: unknown } }): string {
  const sub = request.user?.sub;
  return typeof sub === 'string' && sub.trim() !== '' ? sub : placeholderActor;
}

/** `@Actor() actor: string` in a route: who performs the request's action. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): string => actorOf(context.switchToHttp().getRequest()));
