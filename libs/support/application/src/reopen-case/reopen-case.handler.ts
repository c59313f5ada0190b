import { Clock } from '@bazaar/shared-kernel';
import { SupportCases } from '@bazaar/support-domain';
import { loadCase } from '../shared/load-case';
import { ReopenCase } from './reopen-case.command';

export class ReopenCaseHandler {
  constructor(
    private readonly cases: SupportCases,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId, actor }: ReopenCase): Promise<void> {
    const supportCase = await loadCase(this.cases, caseId);
    supportCase.reopen(actor, this.clock.now());
    await this.cases.save(supportCase);
  }
}
