import { CanActivate, ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { RequestWithCaller } from '../access/caller';
import type { ServiceFactory } from './test-config';

/** The request header a spec names its caller in (no header: no caller). */
export const TEST_SUBJECT_HEADER = 'x-test-subject';

/** Stands in for the access guard in specs about what hangs on the caller: it leaves `request.caller` as the real one would. */
@Injectable()
export class CallerFromTestHeader implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithCaller>();
    const subject = request.headers[TEST_SUBJECT_HEADER];
    if (typeof subject === 'string') request.caller = { subject, roles: ['buyer'] };
    return true;
  }
}

/** The same service, its caller taken from {@link TEST_SUBJECT_HEADER}. */
export function withTestCaller(service: ServiceFactory): ServiceFactory {
  return (config) => {
    const options = service(config);
    @Module({ imports: [options.module], providers: [{ provide: APP_GUARD, useClass: CallerFromTestHeader }] })
    class WithTestCaller {}
    return { ...options, module: WithTestCaller };
  };
}
