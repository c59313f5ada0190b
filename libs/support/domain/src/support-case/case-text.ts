import { CaseTextInvalid } from './support-case-errors';

/** The longest text each field may hold; the HTTP schemas refuse longer ones before they get here. */
export const caseTextLimits = {
  subject: 200,
  description: 5_000,
  comment: 5_000,
  resolution: 2_000,
  actor: 200,
} as const;

export type CaseTextField = keyof typeof caseTextLimits;

/** The text trimmed, if it is not blank and fits its field. */
export function caseText(field: CaseTextField, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > caseTextLimits[field]) throw new CaseTextInvalid(field, caseTextLimits[field]);
  return trimmed;
}
