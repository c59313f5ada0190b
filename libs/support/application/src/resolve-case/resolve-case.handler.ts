import { Clock } from '@bazaar/shared-kernel';
import { SupportCases } from '@bazaar/support-domain';
import { loadCase } from '../shared/load-case';
import { ResolveCase } from './resolve-case.command';

export class ResolveCaseHandler {
  constructor(
    private readonly cases: SupportCases,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId, resolution, actor }: ResolveCase): Promise<void> {
    const supportCase = await loadCase(this.cases, caseId);
    supportCase.resolve(resolution, actor, this.clock.now());
    await this.cases.save(supportCase);
  }
}
