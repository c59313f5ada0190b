import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `support.case-resolved.v1` — an agent closed an open case, saying how it was resolved. A resolved
 * case is never edited: it is reopened (`support.case-reopened.v1`) and resolved again, each time
 * with its own event. Key: the case id. Producer: Support.
 */
export const CaseResolvedV1 = defineEvent({
  type: 'support.case-resolved',
  version: 1,
  producer: 'support',
  topic: Topics.supportCases,
  schema: z.object({
    caseId: z.uuid(),
    orderId: z.uuid(),
    /** How it was resolved; at most 2,000 characters. */
    resolution: z.string().min(1).max(2_000),
    /** Who resolved it: the agent's id. */
    resolvedBy: z.string().min(1),
    resolvedAt: instantSchema,
  }),
});
export type CaseResolvedV1 = EventData<typeof CaseResolvedV1>;
