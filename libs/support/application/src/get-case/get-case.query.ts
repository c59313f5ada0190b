export interface GetCase {
  readonly caseId: string;
}
