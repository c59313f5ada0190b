/** Every fact carries who did it (the actor: a person's id) and when (from the Clock). */
interface CaseFact<TType extends string> {
  readonly type: TType;
  readonly caseId: string;
  readonly orderId: string;
  readonly actor: string;
  readonly occurredAt: Date;
}

/** An agent opened a case about an order. */
export interface CaseOpened extends CaseFact<'CaseOpened'> {
  readonly subject: string;
  readonly description: string;
}

/** An agent added a note to an open case. */
export interface CaseCommented extends CaseFact<'CaseCommented'> {
  readonly body: string;
}

/** An agent closed the case, saying how it was resolved. */
export interface CaseResolved extends CaseFact<'CaseResolved'> {
  readonly resolution: string;
}

/** An agent reopened a resolved case: it takes comments again and must be resolved again. */
export type CaseReopened = CaseFact<'CaseReopened'>;

/** Every fact a SupportCase records; Support's private language (acl/ publishes them). */
export type SupportCaseEvent = CaseOpened | CaseCommented | CaseResolved | CaseReopened;
