/**
 * One thing that happened to a case after it was opened, in order; each is kept for good (a case's
 * history is never edited), with who did it and when.
 */
export type CaseEntry =
  | { readonly kind: 'comment'; readonly actor: string; readonly at: Date; readonly text: string }
  | { readonly kind: 'resolution'; readonly actor: string; readonly at: Date; readonly text: string }
  | { readonly kind: 'reopening'; readonly actor: string; readonly at: Date; readonly text: null };

export type CaseEntryKind = CaseEntry['kind'];
