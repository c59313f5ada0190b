import { SupportCaseNotFound } from '@bazaar/support-domain';
import { CaseDetails, CaseQueries } from '../ports/case-queries';
import { GetCase } from './get-case.query';

export class GetCaseHandler {
  constructor(private readonly queries: CaseQueries) {}

  async execute({ caseId }: GetCase): Promise<CaseDetails> {
    const details = await this.queries.details(caseId);
    if (!details) throw new SupportCaseNotFound(caseId);
    return details;
  }
}
