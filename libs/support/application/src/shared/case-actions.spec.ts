import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { FixedClock } from '@bazaar/shared-kernel/testing';
import { SupportCaseIsOpen, SupportCaseIsResolved, SupportCaseNotFound } from '@bazaar/support-domain';
import { aSupportCase } from '@bazaar/support-domain/testing';
import { CommentOnCaseHandler } from '../comment-on-case/comment-on-case.handler';
import { ReopenCaseHandler } from '../reopen-case/reopen-case.handler';
import { ResolveCaseHandler } from '../resolve-case/resolve-case.handler';
import { InMemorySupportCases } from '../testing/in-memory-support-cases';

const now = new Date('2026-11-23T12:00:00.000Z');
const caseId = 'case-1';

describe('Acting on a support case', () => {
  let cases: InMemorySupportCases;
  let comment: CommentOnCaseHandler;
  let resolve: ResolveCaseHandler;
  let reopen: ReopenCaseHandler;

  beforeEach(() => {
    cases = new InMemorySupportCases();
    const clock = new FixedClock(now);
    comment = new CommentOnCaseHandler(cases, clock);
    resolve = new ResolveCaseHandler(cases, clock);
    reopen = new ReopenCaseHandler(cases, clock);
  });

  const seed = async (resolved: boolean) => {
    const builder = aSupportCase().withId(caseId);
    await cases.save((resolved ? builder.resolved() : builder).unsaved());
    cases.published.length = 0;
  };

  it('comments, resolves and reopens, each saved with who did it and when, each published', async () => {
    await seed(false);

    await comment.execute({ caseId, body: 'Called the buyer', actor: 'agent-ada' });
    await resolve.execute({ caseId, resolution: 'Refunded', actor: 'agent-bob' });
    await reopen.execute({ caseId, actor: 'agent-cy' });

    expect((await cases.find(caseId))?.entries).toEqual([
      { kind: 'comment', actor: 'agent-ada', at: now, text: 'Called the buyer' },
      { kind: 'resolution', actor: 'agent-bob', at: now, text: 'Refunded' },
      { kind: 'reopening', actor: 'agent-cy', at: now, text: null },
    ]);
    expect(cases.published.map((event) => event.type)).toEqual(['CaseCommented', 'CaseResolved', 'CaseReopened']);
  });

  it('refuses to comment on or resolve a resolved case, and to reopen an open one, saving nothing', async () => {
    await seed(true);
    await expect(comment.execute({ caseId, body: 'More', actor: 'agent-ada' })).rejects.toThrow(SupportCaseIsResolved);
    await expect(resolve.execute({ caseId, resolution: 'Again', actor: 'agent-ada' })).rejects.toThrow(SupportCaseIsResolved);
    await reopen.execute({ caseId, actor: 'agent-ada' });
    await expect(reopen.execute({ caseId, actor: 'agent-ada' })).rejects.toThrow(SupportCaseIsOpen);
    expect(cases.published.map((event) => event.type)).toEqual(['CaseReopened']);
  });

  it('says a case that does not exist is not found', async () => {
    await expect(comment.execute({ caseId: 'nope', body: 'Hello', actor: 'agent-ada' })).rejects.toThrow(SupportCaseNotFound);
    await expect(resolve.execute({ caseId: 'nope', resolution: 'x', actor: 'agent-ada' })).rejects.toThrow(SupportCaseNotFound);
    await expect(reopen.execute({ caseId: 'nope', actor: 'agent-ada' })).rejects.toThrow(SupportCaseNotFound);
  });

  it('fails with a concurrency conflict when someone changed the case since it was loaded', async () => {
    await seed(false);
    const stale = await cases.find(caseId);
    await comment.execute({ caseId, body: 'First', actor: 'agent-ada' });

    stale!.comment('Second', 'agent-bob', now);
    await expect(cases.save(stale!)).rejects.toThrow(ConcurrencyConflict);
  });
});
