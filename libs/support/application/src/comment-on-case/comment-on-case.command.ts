/** An agent adds a note to an open case. */
export interface CommentOnCase {
  readonly caseId: string;
  readonly body: string;
  readonly actor: string;
}
