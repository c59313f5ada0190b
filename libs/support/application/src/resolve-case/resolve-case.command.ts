/** An agent closes an open case, saying how it was resolved. */
export interface ResolveCase {
  readonly caseId: string;
  readonly resolution: string;
  readonly actor: string;
}
