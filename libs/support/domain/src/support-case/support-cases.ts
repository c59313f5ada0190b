import { SupportCase } from './support-case';

/** The repository port: where cases live. */
export abstract class SupportCases {
  /**
   * Stores a new case or a changed one (version-checked), its new entries and its pending events,
   * in one transaction. Throws ConcurrencyConflict when another writer got there first.
   */
  abstract save(supportCase: SupportCase): Promise<void>;

  abstract find(caseId: string): Promise<SupportCase | null>;
}
