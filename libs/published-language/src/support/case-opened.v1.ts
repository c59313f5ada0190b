import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `support.case-opened.v1` — a support agent opened a case about an order. A case belongs to that
 * one order for good. Key: the case id. Producer: Support.
 */
export const CaseOpenedV1 = defineEvent({
  type: 'support.case-opened',
  version: 1,
  producer: 'support',
  topic: Topics.supportCases,
  schema: z.object({
    caseId: z.uuid(),
    /** The Checkout order the case is about. */
    orderId: z.uuid(),
    /** One line, at most 200 characters. */
    subject: z.string().min(1).max(200),
    /** At most 5,000 characters. */
    description: z.string().min(1).max(5_000),
    /** Who opened it: the agent's id (the `sub` of their token). */
    openedBy: z.string().min(1),
    openedAt: instantSchema,
  }),
});
export type CaseOpenedV1 = EventData<typeof CaseOpenedV1>;
