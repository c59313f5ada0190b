import { QueryFailedError } from 'typeorm';
import { transientDatabaseFailure } from './pg-errors';

/** An error as node-postgres raises it for a server answer: a message and a SQLSTATE code. */
const serverError = (code: string, message = `server said ${code}`) => Object.assign(new Error(message), { code });

describe('telling a transient database failure from one that would fail again', () => {
  it('calls a lost or refused connection unavailable, however it is reported', () => {
    expect(transientDatabaseFailure(serverError('57P01', 'terminating connection due to administrator command'))).toBe('unavailable');
    expect(transientDatabaseFailure(serverError('57P03', 'the database system is starting up'))).toBe('unavailable');
    expect(transientDatabaseFailure(serverError('08006'))).toBe('unavailable');
    expect(transientDatabaseFailure(serverError('53300', 'sorry, too many clients already'))).toBe('unavailable');
    expect(transientDatabaseFailure(serverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe('unavailable');
    expect(transientDatabaseFailure(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(transientDatabaseFailure(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
    expect(transientDatabaseFailure(Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe('unavailable');
    expect(transientDatabaseFailure(Object.assign(new Error('connection already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }))).toBe('unavailable');
  });

  it("looks through TypeORM's wrapper and through causes", () => {
    const wrapped = new QueryFailedError('SELECT 1', [], serverError('57P01'));
    expect(transientDatabaseFailure(wrapped)).toBe('unavailable');
    expect(transientDatabaseFailure(new Error('saving failed', { cause: serverError('40P01') }))).toBe('contention');
  });

  it('calls an aborted race contention and a cancelled statement a timeout', () => {
    expect(transientDatabaseFailure(serverError('40001'))).toBe('contention');
    expect(transientDatabaseFailure(serverError('55P03'))).toBe('contention');
    expect(transientDatabaseFailure(serverError('57014', 'canceling statement due to statement timeout'))).toBe('timeout');
  });

  it('leaves alone what would fail the same way again', () => {
    expect(transientDatabaseFailure(serverError('23505', 'duplicate key value violates unique constraint'))).toBeUndefined();
    expect(transientDatabaseFailure(serverError('42P01', 'relation "nowhere" does not exist'))).toBeUndefined();
    expect(transientDatabaseFailure(new TypeError('cannot read properties of undefined'))).toBeUndefined();
    expect(transientDatabaseFailure('a string')).toBeUndefined();
  });
});
