import { SupportCase, SupportCaseNotFound, SupportCases } from '@bazaar/support-domain';

export async function loadCase(cases: SupportCases, caseId: string): Promise<SupportCase> {
  const found = await cases.find(caseId);
  if (!found) throw new SupportCaseNotFound(caseId);
  return found;
}
