import { CaseEntryKind, SupportCaseStatus } from '@bazaar/support-domain';

/** One entry of a case as a reader sees it. */
export interface CaseEntryDetails {
  readonly kind: CaseEntryKind;
  readonly actor: string;
  readonly at: Date;
  /** The comment or the resolution; null for a reopening. */
  readonly text: string | null;
}

/** A case as `GET /cases/:caseId` shows it. */
export interface CaseDetails {
  readonly caseId: string;
  readonly orderId: string;
  readonly subject: string;
  readonly description: string;
  readonly status: SupportCaseStatus;
  readonly openedBy: string;
  readonly openedAt: Date;
  readonly entries: readonly CaseEntryDetails[];
}

/** A case in a list: what it is about and where it stands. */
export interface CaseSummary {
  readonly caseId: string;
  readonly orderId: string;
  readonly subject: string;
  readonly status: SupportCaseStatus;
  readonly openedBy: string;
  readonly openedAt: Date;
  /** When the last thing happened to it (its opening if nothing since). */
  readonly lastActivityAt: Date;
}

/** Reads cases straight into what readers are shown, without loading the aggregate. */
export abstract class CaseQueries {
  abstract details(caseId: string): Promise<CaseDetails | null>;

  /** The order's cases, oldest first; none is an empty list. */
  abstract ofOrder(orderId: string): Promise<readonly CaseSummary[]>;
}
