import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { CaseOrderUnknown, CaseOrderViews, SupportCase, SupportCases } from '@bazaar/support-domain';
import { OpenCase } from './open-case.command';

/**
 * Opens a case on an order Support knows (it has projected at least one event about it), so that a
 * mistyped id never anchors a case to nothing. Answers the new case's id.
 */
export class OpenCaseHandler {
  constructor(
    private readonly cases: SupportCases,
    private readonly views: CaseOrderViews,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: OpenCase): Promise<string> {
    if (!(await this.views.find(command.orderId))) throw new CaseOrderUnknown(command.orderId);
    const opened = SupportCase.open({ id: this.ids.next(), ...command, at: this.clock.now() });
    await this.cases.save(opened);
    return opened.id;
  }
}
