/** An agent reopens a resolved case. */
export interface ReopenCase {
  readonly caseId: string;
  readonly actor: string;
}
