import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `support.case-reopened.v1` — an agent reopened a resolved case: it takes comments again and
 * must be resolved again. Key: the case id. Producer: Support.
 */
export const CaseReopenedV1 = defineEvent({
  type: 'support.case-reopened',
  version: 1,
  producer: 'support',
  topic: Topics.supportCases,
  schema: z.object({
    caseId: z.uuid(),
    orderId: z.uuid(),
    /** Who reopened it: the agent's id. */
    reopenedBy: z.string().min(1),
    reopenedAt: instantSchema,
  }),
});
export type CaseReopenedV1 = EventData<typeof CaseReopenedV1>;
