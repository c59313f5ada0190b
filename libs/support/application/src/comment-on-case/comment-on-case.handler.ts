import { Clock } from '@bazaar/shared-kernel';
import { SupportCases } from '@bazaar/support-domain';
import { loadCase } from '../shared/load-case';
import { CommentOnCase } from './comment-on-case.command';

export class CommentOnCaseHandler {
  constructor(
    private readonly cases: SupportCases,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId, body, actor }: CommentOnCase): Promise<void> {
    const supportCase = await loadCase(this.cases, caseId);
    supportCase.comment(body, actor, this.clock.now());
    await this.cases.save(supportCase);
  }
}
