import { z } from 'zod';
import { CaseDetails, CaseSummary } from '@bazaar/support-application';
import { caseTextLimits } from '@bazaar/support-domain';

/** Shapes and lengths only (400 `invalid_request`); the case's rules answer 409/422 with their own codes. */
const text = (max: number) => z.string().trim().min(1).max(max);

export const openCaseRequest = z.strictObject({
  orderId: z.uuid(),
  subject: text(caseTextLimits.subject).describe('one line, at most 200 characters'),
  description: text(caseTextLimits.description),
});
export type OpenCaseRequest = z.output<typeof openCaseRequest>;

export const commentRequest = z.strictObject({ body: text(caseTextLimits.comment) });
export type CommentRequest = z.output<typeof commentRequest>;

export const resolveRequest = z.strictObject({ resolution: text(caseTextLimits.resolution).describe('how the case was resolved') });
export type ResolveRequest = z.output<typeof resolveRequest>;

export const listCasesQuery = z.strictObject({ orderId: z.uuid() });
export type ListCasesQuery = z.output<typeof listCasesQuery>;

export const openedCaseResponse = z.object({ caseId: z.uuid() });

const status = z.enum(['open', 'resolved']).describe('a resolved case takes no comment until it is reopened');

export const caseResponse = z.object({
  caseId: z.uuid(),
  orderId: z.uuid(),
  subject: z.string(),
  description: z.string(),
  status,
  openedBy: z.string().describe("who opened it: the agent's id"),
  openedAt: z.iso.datetime(),
  entries: z
    .array(
      z.object({
        kind: z.enum(['comment', 'resolution', 'reopening']),
        actor: z.string().describe('who did it'),
        at: z.iso.datetime(),
        text: z.string().nullable().describe('the comment or the resolution; null for a reopening'),
      }),
    )
    .describe('everything after the opening, oldest first; never edited'),
});
export type CaseResponse = z.output<typeof caseResponse>;

export const caseSummaryResponse = z.object({
  caseId: z.uuid(),
  orderId: z.uuid(),
  subject: z.string(),
  status,
  openedBy: z.string(),
  openedAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});
export type CaseSummaryResponse = z.output<typeof caseSummaryResponse>;

export const casesResponse = z.object({ cases: z.array(caseSummaryResponse).describe('oldest first') });

export function toCaseResponse(details: CaseDetails): CaseResponse {
  return {
    ...details,
    openedAt: details.openedAt.toISOString(),
    entries: details.entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
  };
}

export function toCaseSummaryResponse(summary: CaseSummary): CaseSummaryResponse {
  return { ...summary, openedAt: summary.openedAt.toISOString(), lastActivityAt: summary.lastActivityAt.toISOString() };
}
