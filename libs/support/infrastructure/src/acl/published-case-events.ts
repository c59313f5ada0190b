import { OutgoingEvent } from '@bazaar/platform-messaging';
import { CaseCommentedV1, CaseOpenedV1, CaseReopenedV1, CaseResolvedV1 } from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';
import { SupportCaseEvent } from '@bazaar/support-domain';

/**
 * Support's private case events as the published language: every domain event is decided here.
 * The key is the case id, so one case's events stay in order on `support.cases`.
 */
export function toPublishedCaseEvents(events: readonly SupportCaseEvent[]): OutgoingEvent[] {
  return events.map((event): OutgoingEvent => {
    const about = { caseId: event.caseId, orderId: event.orderId };
    const at = event.occurredAt.toISOString();
    const outgoing = <T>(contract: OutgoingEvent<T>['contract'], data: T): OutgoingEvent =>
      ({ contract, data, aggregateId: event.caseId, occurredAt: event.occurredAt }) as OutgoingEvent;
    switch (event.type) {
      case 'CaseOpened':
        return outgoing<CaseOpenedV1>(CaseOpenedV1, { ...about, subject: event.subject, description: event.description, openedBy: event.actor, openedAt: at });
      case 'CaseCommented':
        return outgoing<CaseCommentedV1>(CaseCommentedV1, { ...about, body: event.body, commentedBy: event.actor, commentedAt: at });
      case 'CaseResolved':
        return outgoing<CaseResolvedV1>(CaseResolvedV1, { ...about, resolution: event.resolution, resolvedBy: event.actor, resolvedAt: at });
      case 'CaseReopened':
        return outgoing<CaseReopenedV1>(CaseReopenedV1, { ...about, reopenedBy: event.actor, reopenedAt: at });
      default:
        return assertNever(event);
    }
  });
}
