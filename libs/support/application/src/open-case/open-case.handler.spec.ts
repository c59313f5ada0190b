import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { CaseOrderUnknown, CaseTextInvalid, emptyCaseOrderView, project } from '@bazaar/support-domain';
import { factsAbout } from '@bazaar/support-domain/testing';
import { InMemoryCaseOrderViews } from '../testing/in-memory-case-order-views';
import { InMemorySupportCases } from '../testing/in-memory-support-cases';
import { OpenCaseHandler } from './open-case.handler';

const orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
const now = new Date('2026-11-23T10:00:00.000Z');

describe('Open a support case', () => {
  let cases: InMemorySupportCases;
  let views: InMemoryCaseOrderViews;
  let handler: OpenCaseHandler;

  beforeEach(() => {
    cases = new InMemorySupportCases();
    views = new InMemoryCaseOrderViews();
    handler = new OpenCaseHandler(cases, views, new FixedClock(now), new SequentialIds());
  });

  it('opens a case on an order Support knows, by the agent, now, and publishes that it was opened', async () => {
    await views.save(project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlaced()), null);

    const caseId = await handler.execute({ orderId, subject: 'Late', description: 'Not arrived', actor: 'agent-ada' });

    expect(caseId).toBe('00000000-0000-4000-8000-000000000001');
    expect((await cases.find(caseId))?.snapshot()).toMatchObject({ orderId, status: 'open', openedBy: 'agent-ada', openedAt: now });
    expect(cases.published).toEqual([{ type: 'CaseOpened', caseId, orderId, actor: 'agent-ada', occurredAt: now, subject: 'Late', description: 'Not arrived' }]);
  });

  it('refuses an order Support has never seen, and stores nothing', async () => {
    await expect(handler.execute({ orderId, subject: 'Late', description: 'Not arrived', actor: 'agent-ada' })).rejects.toThrow(CaseOrderUnknown);
    expect(cases.published).toEqual([]);
  });

  it('refuses a blank subject, and stores nothing', async () => {
    await views.save(project(emptyCaseOrderView(orderId), factsAbout(orderId).orderPlaced()), null);
    await expect(handler.execute({ orderId, subject: ' ', description: 'Not arrived', actor: 'agent-ada' })).rejects.toThrow(CaseTextInvalid);
    expect(cases.published).toEqual([]);
  });
});
