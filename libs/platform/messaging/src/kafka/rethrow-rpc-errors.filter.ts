import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces every unknown error with a generic `{ status: 'error' }`,
 * which would hide whether a failure is permanent. This filter hands the original error back to
 * {@link KafkaEventServer}, which decides between retry and dead letter. Install it globally on any
 * app that connects the transport (the platform's bootstrap does).
 */
@Catch()
export class RethrowRpcErrors implements RpcExceptionFilter<unknown> {
  catch(error: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => error);
  }
}
