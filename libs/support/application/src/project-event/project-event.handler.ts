import { CaseOrderViews, emptyCaseOrderView, hasProjected, project } from '@bazaar/support-domain';
import { ProjectEvent } from './project-event.command';

/**
 * Loads the order's view (or starts an empty one), folds the fact in and saves it, version-checked:
 * two facts of one order projected at once make one of them fail with ConcurrencyConflict, and
 * the transport retries it against the view the other one saved.
 */
export class ProjectEventHandler {
  constructor(private readonly views: CaseOrderViews) {}

  async execute({ fact }: ProjectEvent): Promise<void> {
    const stored = await this.views.find(fact.orderId);
    const current = stored?.view ?? emptyCaseOrderView(fact.orderId);
    if (hasProjected(current, fact.source.eventId)) return;
    await this.views.save(project(current, fact), stored?.version ?? null);
  }
}
