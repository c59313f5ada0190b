import { randomUUID } from 'node:crypto';
import { CaseCommentedV1, CaseOpenedV1, CaseReopenedV1, CaseResolvedV1 } from '@bazaar/published-language';
import { aSupportCase } from '@bazaar/support-domain/testing';
import { toPublishedCaseEvents } from './published-case-events';

describe("Support's case events in the published language", () => {
  it('publishes each action with who did it and when, keyed by the case, as its contract says', () => {
    const caseId = randomUUID();
    const orderId = randomUUID();
    const supportCase = aSupportCase().withId(caseId).forOrder(orderId).unsaved();
    supportCase.comment('Called the carrier', 'agent-bob', new Date('2026-11-23T11:00:00.000Z'));
    supportCase.resolve('Delivered to a neighbour', 'agent-bob', new Date('2026-11-23T12:00:00.000Z'));
    supportCase.reopen('agent-cy', new Date('2026-11-23T13:00:00.000Z'));

    const published = toPublishedCaseEvents(supportCase.pendingEvents);

    expect(published.map((event) => [event.contract.wireType, event.aggregateId])).toEqual([
      [CaseOpenedV1.wireType, caseId],
      [CaseCommentedV1.wireType, caseId],
      [CaseResolvedV1.wireType, caseId],
      [CaseReopenedV1.wireType, caseId],
    ]);
    expect(published.map((event) => event.contract.schema.parse(event.data))).toEqual([
      { caseId, orderId, subject: 'Parcel not arrived', description: expect.any(String), openedBy: 'agent-ada', openedAt: '2026-11-23T10:00:00.000Z' },
      { caseId, orderId, body: 'Called the carrier', commentedBy: 'agent-bob', commentedAt: '2026-11-23T11:00:00.000Z' },
      { caseId, orderId, resolution: 'Delivered to a neighbour', resolvedBy: 'agent-bob', resolvedAt: '2026-11-23T12:00:00.000Z' },
      { caseId, orderId, reopenedBy: 'agent-cy', reopenedAt: '2026-11-23T13:00:00.000Z' },
    ]);
  });
});
