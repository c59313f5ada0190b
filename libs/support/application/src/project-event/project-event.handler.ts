import { CaseOrderView, CaseOrderViews, emptyCaseOrderView, hasProjected, project } from '@bazaar/support-domain';
import { ProjectEvent } from './project-event.command';

/**
 * Loads the orders' views (or starts empty ones), folds the facts in and saves them, version-checked:
 * two facts of one order projected at once by different consumers make one of them fail with
 * ConcurrencyConflict, and the transport retries it against the view the other one saved.
 */
export class ProjectEventHandler {
  constructor(private readonly views: CaseOrderViews) {}

  execute(command: ProjectEvent): Promise<void> {
    return this.executeAll([command]);
  }

  /**
   * Many facts in one go, in the order given (a consumer's run of messages, in one transaction):
   * one read of all their orders' views and one write of those that changed, however many facts
   * each order has among them.
   */
  async executeAll(commands: readonly ProjectEvent[]): Promise<void> {
    if (commands.length === 0) return;
    const stored = await this.views.findAll([...new Set(commands.map(({ fact }) => fact.orderId))]);
    const folded = new Map<string, { view: CaseOrderView; expectedVersion: number | null; changed: boolean }>();
    for (const { fact } of commands) {
      const entry = folded.get(fact.orderId) ?? {
        view: stored.get(fact.orderId)?.view ?? emptyCaseOrderView(fact.orderId),
        expectedVersion: stored.get(fact.orderId)?.version ?? null,
        changed: false,
      };
      folded.set(fact.orderId, entry);
      if (hasProjected(entry.view, fact.source.eventId)) continue;
      entry.view = project(entry.view, fact);
      entry.changed = true;
    }
    const changes = [...folded.values()].filter((entry) => entry.changed).map(({ view, expectedVersion }) => ({ view, expectedVersion }));
    if (changes.length > 0) await this.views.saveAll(changes);
  }
}
