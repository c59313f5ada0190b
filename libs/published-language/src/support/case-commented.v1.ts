import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `support.case-commented.v1` — an agent added a note to an open case (a resolved case takes none
 * until it is reopened). Key: the case id. Producer: Support.
 */
export const CaseCommentedV1 = defineEvent({
  type: 'support.case-commented',
  version: 1,
  producer: 'support',
  topic: Topics.supportCases,
  schema: z.object({
    caseId: z.uuid(),
    orderId: z.uuid(),
    /** At most 5,000 characters. */
    body: z.string().min(1).max(5_000),
    /** Who wrote it: the agent's id. */
    commentedBy: z.string().min(1),
    commentedAt: instantSchema,
  }),
});
export type CaseCommentedV1 = EventData<typeof CaseCommentedV1>;
